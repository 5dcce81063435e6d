// `keywizard set`, `show`, `forget`, and `check` of the stored key, with both backends.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_fixture.h"

using namespace keywizard::test;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

nlohmann::json show_json(const CliFixture& cli) {
    const ProcessResult result = cli.run({"show", "--json"});
    BOOST_TEST_INFO("show: " << result.out << result.err);
    BOOST_REQUIRE(nlohmann::json::accept(result.out));
    return nlohmann::json::parse(result.out);
}

const std::string incorrect_key_body = error_body("Incorrect API key provided: sk-proj-********RQPO.",
                                                  "invalid_request_error", "invalid_api_key");

}  // namespace

BOOST_AUTO_TEST_SUITE(storage_command_tests)

BOOST_AUTO_TEST_CASE(set_to_file_checks_saves_0600_and_show_masks_it) {
    CliFixture cli;
    const ProcessResult set = cli.run_against_server({"set", "--store", "file"}, valid_key + "\n");
    BOOST_TEST_INFO("stderr: " << set.err);
    BOOST_TEST(set.exit_code == 0);
    BOOST_TEST(set.out.find("✓ Key works") != std::string::npos);
    BOOST_TEST((set.out + set.err).find("plain text") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 1u);

    const auto env_file = cli.config_dir() / ".env";
    BOOST_TEST(read_file(env_file).find("OPENAI_API_KEY=" + valid_key) != std::string::npos);
    BOOST_TEST(mode_of(env_file) == 0600u);
    BOOST_TEST(mode_of(cli.config_dir()) == 0700u);
    // The key lives in its one store and nowhere else (not in settings.json, not in a temp file).
    BOOST_TEST(cli.files_containing(valid_key) == std::vector<std::filesystem::path>{env_file});

    const nlohmann::json shown = show_json(cli);
    BOOST_TEST(shown.at("stored").get<bool>());
    BOOST_TEST(shown.at("key").get<std::string>() == "sk-proj-…GHIJ");
    BOOST_TEST(shown.at("backend").get<std::string>() == "file");
    BOOST_TEST(shown.at("location").get<std::string>().find(".env") != std::string::npos);
    const ProcessResult plain_show = cli.run({"show"});
    BOOST_TEST(plain_show.exit_code == 0);
    BOOST_TEST(plain_show.out.find("sk-proj-…GHIJ") != std::string::npos);
    BOOST_TEST(plain_show.out.find(valid_key) == std::string::npos);
    BOOST_TEST(set.out.find(valid_key) == std::string::npos);
    BOOST_TEST(set.err.find(valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(set_with_a_rejected_key_keeps_the_previous_key) {
    CliFixture cli;
    BOOST_REQUIRE(cli.run_against_server({"set", "--store", "file"}, valid_key).exit_code == 0);
    const std::string before = read_file(cli.config_dir() / ".env");

    cli.serve(Reply::json(401, incorrect_key_body));
    const ProcessResult rejected = cli.run_against_server({"set", "--store", "file"}, other_valid_key);
    BOOST_TEST(rejected.exit_code == 2);
    BOOST_TEST(rejected.err.find("Nothing was saved") != std::string::npos);
    BOOST_TEST(read_file(cli.config_dir() / ".env") == before);
    BOOST_TEST(cli.files_containing(other_valid_key).empty());
    BOOST_TEST(show_json(cli).at("key").get<std::string>() == "sk-proj-…GHIJ");
}

BOOST_AUTO_TEST_CASE(set_refuses_unverified_and_missing_scope_unless_allowed) {
    CliFixture cli;
    cli.serve(Reply::json(500, error_body("The server had an error", "server_error", "")));
    BOOST_TEST(cli.run_against_server({"set", "--store", "file"}, valid_key).exit_code == 4);
    BOOST_TEST(cli.files_containing(valid_key).empty());

    cli.serve(Reply::json(
        401,
        error_body("You have insufficient permissions for this operation. Missing scopes: api.model.read.",
                   "invalid_request_error", "")));
    const ProcessResult limited = cli.run_against_server({"set", "--store", "file"}, valid_key);
    BOOST_TEST(limited.exit_code == 3);
    BOOST_TEST(limited.err.find("--allow-limited") != std::string::npos);
    BOOST_TEST(cli.files_containing(valid_key).empty());

    BOOST_TEST(cli.run_against_server({"set", "--store", "file", "--allow-limited"}, valid_key).exit_code ==
               0);
    BOOST_TEST(cli.files_containing(valid_key).size() == 1u);
}

BOOST_AUTO_TEST_CASE(set_no_check_saves_offline_and_says_so) {
    CliFixture cli;
    const ProcessResult result = cli.run({"set", "--store", "file", "--no-check", "--base-url",
                                          "https://127.0.0.1:" + std::to_string(unused_loopback_port())},
                                         valid_key);
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.find("without checking") != std::string::npos);
    BOOST_TEST(cli.files_containing(valid_key).size() == 1u);
    BOOST_TEST(show_json(cli).at("base_url").get<std::string>().starts_with("https://127.0.0.1:"));
}

BOOST_AUTO_TEST_CASE(set_no_check_still_refuses_a_malformed_key) {
    CliFixture cli;
    const ProcessResult result =
        cli.run({"set", "--store", "file", "--no-check"}, "sk-proj-kwtest has spaces 0123456789");
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.err.find("space") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(cli.config_dir() / ".env"));
}

BOOST_AUTO_TEST_CASE(set_no_check_refuses_a_key_of_another_provider) {
    CliFixture cli;
    const std::string openrouter_key = "sk-or-v1-kwtestOPENROUTER0123456789abcdef";
    const ProcessResult result = cli.run({"set", "--store", "file", "--no-check"}, openrouter_key);
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.err.find("OpenRouter") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("Nothing was saved") != std::string::npos, result.err);
    BOOST_TEST(!std::filesystem::exists(cli.config_dir() / ".env"));
    BOOST_TEST(cli.files_containing(openrouter_key).empty());

    // At OpenRouter's own OpenAI-compatible base URL the same key is theirs to save.
    const ProcessResult at_openrouter =
        cli.run({"set", "--store", "file", "--no-check", "--base-url", "https://openrouter.ai/api/v1"},
                openrouter_key);
    BOOST_TEST(at_openrouter.exit_code == 0, at_openrouter.err);
    BOOST_TEST(cli.files_containing(openrouter_key).size() == 1u);
}

BOOST_AUTO_TEST_CASE(set_to_keyring_without_a_session_bus_fails_with_5_and_names_the_file_choice) {
    CliFixture cli;  // no DBUS_SESSION_BUS_ADDRESS in the child's environment
    const ProcessResult result = cli.run_against_server({"set"}, valid_key);
    BOOST_TEST(result.exit_code == 5);
    BOOST_TEST(result.err.find("keyring is unavailable") != std::string::npos);
    BOOST_TEST(result.err.find("--store file") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 0u);  // told before making the person wait for a check
    BOOST_TEST(cli.files_containing(valid_key).empty());
}

BOOST_AUTO_TEST_CASE(check_without_stdin_or_environment_uses_the_stored_key) {
    CliFixture cli;
    BOOST_REQUIRE(cli.run_against_server({"set", "--store", "file"}, valid_key).exit_code == 0);
    const ProcessResult result = cli.run_against_server({"check", "--json"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(cli.server().requests().back().header("authorization").value_or("") == "Bearer " + valid_key);
}

BOOST_AUTO_TEST_CASE(forget_removes_the_key_and_show_then_exits_2) {
    CliFixture cli;
    BOOST_REQUIRE(cli.run_against_server({"set", "--store", "file"}, valid_key).exit_code == 0);
    const ProcessResult forget = cli.run({"forget"});
    BOOST_TEST(forget.exit_code == 0);
    BOOST_TEST(forget.out.find(".env") != std::string::npos);
    BOOST_TEST(cli.files_containing(valid_key).empty());
    BOOST_TEST(cli.run({"show"}).exit_code == 2);
    BOOST_TEST(show_json(cli).at("stored").get<bool>() == false);
}

BOOST_AUTO_TEST_CASE(keyring_round_trip_set_show_switch_to_file_and_forget) {
    CliFixture cli;
    cli.use_session_bus();
    cli.run({"forget"});  // the test session's keyring is shared by the whole run

    const ProcessResult set = cli.run_against_server({"set"}, valid_key);
    BOOST_TEST_INFO("stderr: " << set.err);
    BOOST_REQUIRE(set.exit_code == 0);
    BOOST_TEST(cli.files_containing(valid_key).empty());  // no file copy anywhere
    nlohmann::json shown = show_json(cli);
    BOOST_TEST(shown.at("backend").get<std::string>() == "keyring");
    BOOST_TEST(shown.at("key").get<std::string>() == "sk-proj-…GHIJ");

    // Switching backends moves the key: it leaves the keyring.
    BOOST_REQUIRE(cli.run_against_server({"set", "--store", "file"}, other_valid_key).exit_code == 0);
    shown = show_json(cli);
    BOOST_TEST(shown.at("backend").get<std::string>() == "file");
    BOOST_TEST(shown.at("key").get<std::string>() == "sk-proj-…RQPO");
    BOOST_REQUIRE(cli.run({"forget"}).exit_code == 0);
    BOOST_TEST(cli.run({"show"}).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
