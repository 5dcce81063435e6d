// The stored key's life outside keywizard: `exec` hands it to a real child, `import` moves it out of a
// dotenv file, a stored key only goes to the base URL it was verified against, and `show` says which key
// tools use and when it was last checked.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "core/key_setup.h"
#include "tests/cli/cli_fixture.h"
#include "tests/support/test_pki.h"

using namespace keywizard::test;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// sha256sum's line for `text`, computed by sha256sum itself from a file (the key never goes into argv).
std::string sha256_line(const std::filesystem::path& scratch, const std::string& text) {
    const auto input = scratch / "hash-input";
    const auto output = scratch / "hash-output";
    write_file(input, text);
    const std::string command = "sha256sum < '" + input.string() + "' > '" + output.string() + "'";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    std::filesystem::remove(input);
    return read_file(output);
}

// A project's .env beside the temporary home (not yet written): where a person's own dotenv file lives.
std::filesystem::path project_dotenv(const CliFixture& cli) {
    const auto project = cli.config_dir().parent_path().parent_path() / "project";
    std::filesystem::create_directories(project);
    return project / ".env";
}

nlohmann::json settings_of(const CliFixture& cli) {
    return nlohmann::json::parse(read_file(cli.config_dir() / "settings.json"));
}

void edit_settings(const CliFixture& cli, const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json settings = settings_of(cli);
    edit(settings);
    write_file(cli.config_dir() / "settings.json", settings.dump(2));
}

// A key stored in the file backend, verified at the stand-in (set --base-url saves and binds it there).
void store_verified_key(CliFixture& cli) {
    const ProcessResult set = cli.run_against_server({"set", "--store", "file"}, valid_key + "\n");
    BOOST_TEST_REQUIRE(set.exit_code == 0, set.err);
}

std::string utc_iso8601(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    return std::string(text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(key_life_tests)

BOOST_AUTO_TEST_CASE(exec_gives_a_real_child_the_stored_key_not_the_parents_and_prints_none) {
    CliFixture cli;
    store_verified_key(cli);
    // The parent's own variable must not win: exec is there to pass the stored key.
    cli.environment()["OPENAI_API_KEY"] = other_valid_key;
    const ProcessResult result =
        cli.run({"exec", "--", "sh", "-c",
                 "printf %s \"$OPENAI_API_KEY\" | sha256sum; printf 'base=%s\\n' \"$OPENAI_BASE_URL\""});
    BOOST_TEST_INFO("stderr: " << result.err);
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.find(sha256_line(cli.config_dir(), valid_key)) != std::string::npos);
    // The endpoint the key was saved with goes along (from settings.json).
    BOOST_TEST(result.out.find("base=" + cli.server().base_url() + "/v1\n") != std::string::npos);
    BOOST_TEST(result.out.find(valid_key) == std::string::npos);
    BOOST_TEST(result.err.find(valid_key) == std::string::npos);
    BOOST_TEST(result.out.find(other_valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(exec_exits_with_the_commands_status_and_its_signal) {
    CliFixture cli;
    store_verified_key(cli);
    BOOST_TEST(cli.run({"exec", "--", "sh", "-c", "exit 7"}).exit_code == 7);
    BOOST_TEST(cli.run({"exec", "sh", "-c", "exit 0"}).exit_code == 0);  // "--" is optional
    // The command replaces keywizard: a signal that kills it is what the caller sees.
    const ProcessResult killed = cli.run({"exec", "--", "sh", "-c", "kill -TERM $$"});
    BOOST_TEST(killed.exit_code == -1);
    BOOST_TEST(killed.signal == SIGTERM);
    // Options of the command are its own, not keywizard's.
    const ProcessResult own = cli.run({"exec", "--", "sh", "-c", "printf '%s' \"$1\"", "sh", "--json"});
    BOOST_TEST(own.exit_code == 0);
    BOOST_TEST(own.out == "--json");
}

BOOST_AUTO_TEST_CASE(exec_without_a_stored_key_exits_5_and_says_how_to_store_one) {
    CliFixture cli;
    const ProcessResult result = cli.run({"exec", "--", "sh", "-c", "echo RAN"});
    BOOST_TEST(result.exit_code == 5);
    BOOST_TEST(result.out.find("RAN") == std::string::npos);
    BOOST_TEST(result.err.find("keywizard set") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(exec_of_a_missing_command_exits_127_and_a_missing_command_line_is_usage) {
    CliFixture cli;
    store_verified_key(cli);
    const ProcessResult missing = cli.run({"exec", "--", "keywizard-no-such-command-kwtest"});
    BOOST_TEST(missing.exit_code == 127);
    BOOST_TEST(missing.err.find("command not found") != std::string::npos);
    BOOST_TEST(cli.run({"exec"}).exit_code == 64);
    BOOST_TEST(cli.run({"exec", "--"}).exit_code == 64);
}

BOOST_AUTO_TEST_CASE(exec_refuses_to_hand_the_key_to_a_base_url_it_was_not_verified_at) {
    CliFixture cli;
    store_verified_key(cli);
    cli.environment()["OPENAI_BASE_URL"] = "https://collector.example/v1";
    const ProcessResult refused = cli.run({"exec", "--", "sh", "-c", "echo RAN"});
    BOOST_TEST(refused.exit_code == 4);
    BOOST_TEST(refused.out.find("RAN") == std::string::npos);
    BOOST_TEST(refused.err.find("collector.example") != std::string::npos);
    BOOST_TEST(refused.err.find("127.0.0.1") != std::string::npos);
    // Named explicitly, it is the person's choice.
    const ProcessResult named =
        cli.run({"exec", "--base-url", "https://collector.example/v1", "--", "sh", "-c", "echo RAN"});
    BOOST_TEST(named.exit_code == 0);
    BOOST_TEST(named.out == "RAN\n");
}

BOOST_AUTO_TEST_CASE(exec_says_when_the_base_url_it_refuses_is_only_the_default) {
    // Verified at the stand-in, and settings.json no longer names it: the key would go to the default base
    // URL, which nothing set. The old message blamed settings.json.
    CliFixture cli;
    store_verified_key(cli);
    edit_settings(cli, [](nlohmann::json& settings) { settings.erase("base_url"); });
    const ProcessResult refused = cli.run({"exec", "--", "sh", "-c", "echo RAN"});
    BOOST_TEST(refused.exit_code == 4);
    BOOST_TEST(refused.out.find("RAN") == std::string::npos);
    BOOST_TEST(refused.err.find("no base URL is set now") != std::string::npos, refused.err);
    BOOST_TEST(refused.err.find("api.openai.com") != std::string::npos, refused.err);
    BOOST_TEST(refused.err.find("settings.json") == std::string::npos, refused.err);
}

BOOST_AUTO_TEST_CASE(check_of_the_stored_key_refuses_a_changed_base_url_before_any_io) {
    CliFixture cli;
    store_verified_key(cli);
    const std::size_t requests_before = cli.server().request_count();
    LoopbackServer other(
        [](const RecordedRequest&, std::size_t) { return Reply::json(200, models_body({"gpt-4o"})); });
    cli.environment()["OPENAI_BASE_URL"] = other.base_url() + "/v1";
    cli.environment()["SSL_CERT_FILE"] = TestPki::instance().ca_file();

    const ProcessResult refused = cli.run({"check", "--json"});
    BOOST_TEST_INFO("out: " << refused.out << " err: " << refused.err);
    BOOST_TEST(refused.exit_code == 4);
    const nlohmann::json json = nlohmann::json::parse(refused.out);
    BOOST_TEST(json.at("status").get<std::string>() == "unverified");
    BOOST_TEST(json.at("reason").get<std::string>() == "endpoint_changed");
    const std::string message = json.at("message").get<std::string>();
    BOOST_TEST(message.find(cli.server().base_url().substr(8)) != std::string::npos);  // verified host:port
    BOOST_TEST(message.find(other.base_url().substr(8)) != std::string::npos);         // the new one
    BOOST_TEST(refused.err.find("--base-url") != std::string::npos);
    BOOST_TEST(other.request_count() == 0u);
    BOOST_TEST(cli.server().request_count() == requests_before);

    // A key from stdin or OPENAI_API_KEY is the person's own choice: not bound.
    BOOST_TEST(cli.run({"check", "--stdin"}, valid_key).exit_code == 0);
    BOOST_TEST(other.request_count() == 1u);
    // The same base URL named explicitly is sent to.
    BOOST_TEST(cli.run({"check", "--base-url", other.base_url() + "/v1"}).exit_code == 0);
    BOOST_TEST(other.request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_key_without_a_recorded_endpoint_counts_as_verified_at_the_default) {
    CliFixture cli;
    store_verified_key(cli);
    // As a version before 0.2 left it: a custom base URL in settings.json, no verified_base_url.
    edit_settings(cli, [](nlohmann::json& settings) { settings.erase("verified_base_url"); });
    const ProcessResult refused = cli.run({"check"});
    BOOST_TEST(refused.exit_code == 4);
    BOOST_TEST(refused.out.find("api.openai.com") != std::string::npos);
    BOOST_TEST(refused.out.find("endpoint_changed") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 1u);  // only set's check
}

BOOST_AUTO_TEST_CASE(import_checks_stores_and_says_the_file_still_holds_the_key) {
    CliFixture cli;
    const auto dotenv = project_dotenv(cli);
    const std::string before =
        "# my project\nDEBUG=1\nOPENAI_API_KEY=" + valid_key + "\nexport OTHER_TOKEN='x y'\n\nLAST=2\n";
    write_file(dotenv, before);
    ::chmod(dotenv.c_str(), 0640);

    const auto import_args = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"import", dotenv.string(), "--store", "file"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    const ProcessResult kept = cli.run_against_server(import_args({}));
    BOOST_TEST_INFO("stderr: " << kept.err);
    BOOST_TEST(kept.exit_code == 0);
    BOOST_TEST(kept.out.find("still holds a plain-text copy") != std::string::npos);
    BOOST_TEST(kept.out.find(valid_key) == std::string::npos);
    BOOST_TEST(read_file(dotenv) == before);
    BOOST_TEST(read_file(cli.config_dir() / ".env").find(valid_key) != std::string::npos);
    BOOST_TEST(settings_of(cli).at("verified_base_url").get<std::string>() ==
               cli.server().base_url() + "/v1");

    const ProcessResult removed = cli.run_against_server(import_args({"--remove-from-file"}));
    BOOST_TEST(removed.exit_code == 0);
    BOOST_TEST(read_file(dotenv) == "# my project\nDEBUG=1\nexport OTHER_TOKEN='x y'\n\nLAST=2\n");
    BOOST_TEST(mode_of(dotenv) == 0640u);
    BOOST_TEST(cli.files_containing(valid_key) ==
               std::vector<std::filesystem::path>{cli.config_dir() / ".env"});
}

// The person edits FILE while the key is being checked (here: when the stand-in receives the check):
// --remove-from-file must not write back the first reading over that edit.
BOOST_AUTO_TEST_CASE(import_does_not_rewrite_a_file_that_changed_while_the_key_was_checked) {
    CliFixture cli;
    const auto dotenv = project_dotenv(cli);
    write_file(dotenv, "OPENAI_API_KEY=" + valid_key + "\n");
    const std::string edited = "OPENAI_API_KEY=" + valid_key + "\nADDED_WHILE_CHECKING=1\n";
    cli.serve([&](const RecordedRequest&, std::size_t) {
        write_file(dotenv, edited);
        return Reply::json(200, models_body({"gpt-4o-mini"}));
    });
    const ProcessResult imported =
        cli.run_against_server({"import", dotenv.string(), "--store", "file", "--remove-from-file"});
    BOOST_TEST(imported.exit_code == 5);
    BOOST_TEST(imported.err.find("changed while the key was checked") != std::string::npos, imported.err);
    BOOST_TEST(read_file(dotenv) == edited);  // the person's edit is kept
    BOOST_TEST(read_file(cli.config_dir() / ".env").find(valid_key) !=
               std::string::npos);  // and it is stored
}

BOOST_AUTO_TEST_CASE(import_stores_nothing_from_a_rejected_key_a_file_without_one_or_a_non_file) {
    CliFixture cli;
    const auto dotenv = project_dotenv(cli);
    write_file(dotenv, "OPENAI_API_KEY=\"" + other_valid_key + "\"\n");
    cli.serve(Reply::json(
        401, error_body("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")));
    const ProcessResult rejected =
        cli.run_against_server({"import", dotenv.string(), "--remove-from-file", "--store", "file"});
    BOOST_TEST(rejected.exit_code == 2);
    BOOST_TEST(read_file(dotenv) == "OPENAI_API_KEY=\"" + other_valid_key + "\"\n");  // untouched
    BOOST_TEST(!std::filesystem::exists(cli.config_dir() / ".env"));

    write_file(dotenv, "OTHER=1\n");
    BOOST_TEST(cli.run_against_server({"import", dotenv.string()}).exit_code == 2);
    const auto dir = dotenv.parent_path();
    BOOST_TEST(cli.run_against_server({"import", dir.string()}).exit_code == 64);  // a directory
    const auto fifo = dir / "fifo";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const ProcessResult from_fifo = cli.run_against_server({"import", fifo.string()});
    BOOST_TEST(from_fifo.exit_code == 64);
    BOOST_TEST(from_fifo.err.find("not a regular file") != std::string::npos);
    BOOST_TEST(cli.run({"import"}).exit_code == 64);
    BOOST_TEST(cli.server().request_count() == 1u);  // only the rejected key was sent
}

BOOST_AUTO_TEST_CASE(show_says_when_the_environments_key_overrides_the_stored_one) {
    CliFixture cli;
    store_verified_key(cli);
    cli.environment()["OPENAI_API_KEY"] = other_valid_key;
    const ProcessResult shown = cli.run({"show"});
    BOOST_TEST(shown.exit_code == 0);
    BOOST_TEST(shown.out.find("your environment's key sk-proj-…RQPO overrides the stored sk-proj-…GHIJ") !=
               std::string::npos);
    BOOST_TEST(shown.out.find(other_valid_key) == std::string::npos);
    const nlohmann::json json = nlohmann::json::parse(cli.run({"show", "--json"}).out);
    BOOST_TEST(json.at("environment_key").get<std::string>() == "sk-proj-…RQPO");

    cli.environment()["OPENAI_API_KEY"] = valid_key;  // the same key: nothing to say
    BOOST_TEST(cli.run({"show"}).out.find("Environment:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(show_says_when_the_key_was_last_checked_in_words) {
    CliFixture cli;
    store_verified_key(cli);
    BOOST_TEST(cli.run({"show"}).out.find("checked just now: works") != std::string::npos);

    const auto three_days_ago = std::chrono::system_clock::now() - std::chrono::hours(24 * 3 + 1);
    edit_settings(cli, [&](nlohmann::json& settings) {
        settings["last_check"] = {
            {"status", "rejected"}, {"reason", "invalid_api_key"}, {"time", utc_iso8601(three_days_ago)}};
    });
    const ProcessResult shown = cli.run({"show"});
    BOOST_TEST_INFO("show: " << shown.out);
    BOOST_TEST(shown.out.find("checked 3 days ago: rejected (invalid_api_key)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(recheck_is_due_only_after_the_interval_and_never_at_0) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    keywizard::settings::AppSettings saved;
    BOOST_TEST(!keywizard::core::recheck_due(saved, now));  // never checked: not behind the person's back
    saved.last_check_status = "valid";
    saved.last_check_time = utc_iso8601(now - hours(23));
    BOOST_TEST(!keywizard::core::recheck_due(saved, now));
    saved.last_check_time = utc_iso8601(now - hours(25));
    BOOST_TEST(keywizard::core::recheck_due(saved, now));
    saved.recheck_interval_hours = 0;
    BOOST_TEST(!keywizard::core::recheck_due(saved, now));
    saved.recheck_interval_hours = 48;
    BOOST_TEST(!keywizard::core::recheck_due(saved, now));
    saved.last_check_time = "yesterday";
    BOOST_TEST(!keywizard::core::recheck_due(saved, now));
}

BOOST_AUTO_TEST_SUITE_END()
