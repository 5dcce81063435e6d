// `keywizard check --generate` and `set --generate`: the one extra request, the JSON `generation` object,
// the combined verdict's exit code, and that nothing but GET /models is sent without the flag.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_fixture.h"

using namespace keywizard::test;

namespace {

const std::string chat_completion =
    R"({"id":"chatcmpl-kwtest","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],)"
    R"("usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}})";
const std::string read_only_refusal = error_body(
    "You have insufficient permissions for this operation. Missing scopes: model.request. Check that you "
    "have "
    "the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if "
    "you're "
    "using a restricted API key, that it has the necessary scopes.",
    "invalid_request_error", "");

// GET /models lists gpt-4o-mini; POST /chat/completions gets `probe`.
Handler models_then(Reply probe) {
    return [probe = std::move(probe)](const RecordedRequest& request, std::size_t) {
        return request.method == "POST" ? probe : Reply::json(200, models_body({"gpt-4o", "gpt-4o-mini"}));
    };
}

nlohmann::json parse_json(const ProcessResult& result) {
    BOOST_TEST_INFO("stdout: " << result.out << " stderr: " << result.err);
    BOOST_REQUIRE(nlohmann::json::accept(result.out));
    return nlohmann::json::parse(result.out);
}

void require_key_absent(const ProcessResult& result) {
    BOOST_TEST(result.out.find(valid_key) == std::string::npos);
    BOOST_TEST(result.err.find(valid_key) == std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(generate_option_tests)

BOOST_AUTO_TEST_CASE(check_without_generate_sends_only_the_models_get) {
    CliFixture cli;
    cli.serve(models_then(Reply::json(200, chat_completion)));
    const ProcessResult result = cli.run_against_server({"check", "--stdin", "--json"}, valid_key);
    BOOST_TEST(result.exit_code == 0);
    const nlohmann::json report = parse_json(result);
    BOOST_TEST(report.at("generation").at("checked").get<bool>() == false);
    BOOST_TEST(report.at("generation").at("model").is_null());
    BOOST_REQUIRE_EQUAL(cli.server().request_count(), 1u);
    BOOST_TEST(cli.server().requests()[0].method == "GET");
}

BOOST_AUTO_TEST_CASE(check_generate_says_it_can_write_text) {
    CliFixture cli;
    cli.serve(models_then(Reply::json(200, chat_completion)));
    const ProcessResult plain = cli.run_against_server({"check", "--stdin", "--generate"}, valid_key);
    BOOST_TEST_INFO("stderr: " << plain.err);
    BOOST_TEST(plain.exit_code == 0);
    BOOST_TEST(plain.out.find("can write text") != std::string::npos, plain.out);
    require_key_absent(plain);

    const ProcessResult json =
        cli.run_against_server({"check", "--stdin", "--generate", "--json"}, valid_key);
    const nlohmann::json report = parse_json(json);
    BOOST_TEST(report.at("status").get<std::string>() == "valid");
    BOOST_TEST(report.at("reason").get<std::string>() == "ok");
    const auto& generation = report.at("generation");
    BOOST_TEST(generation.at("checked").get<bool>());
    BOOST_TEST(generation.at("model").get<std::string>() == "gpt-4o-mini");
    BOOST_TEST(generation.at("status").get<std::string>() == "valid");
    BOOST_TEST(generation.at("reason").get<std::string>() == "ok");
    BOOST_REQUIRE_EQUAL(cli.server().request_count(), 4u);  // two runs: GET + POST each
    BOOST_TEST(cli.server().requests()[3].method == "POST");
    BOOST_TEST(cli.server().requests()[3].target == "/v1/chat/completions");
}

BOOST_AUTO_TEST_CASE(a_read_only_key_is_limited_with_the_fix) {
    CliFixture cli;
    cli.serve(models_then(Reply::json(401, read_only_refusal)));
    const ProcessResult plain = cli.run_against_server({"check", "--stdin", "--generate"}, valid_key);
    BOOST_TEST(plain.exit_code == 3);
    BOOST_TEST(plain.out.find("cannot write text") != std::string::npos, plain.out);
    BOOST_TEST(plain.out.find("Model capabilities: Request") != std::string::npos, plain.out);
    BOOST_TEST(plain.out.find("https://platform.openai.com/api-keys") != std::string::npos, plain.out);
    require_key_absent(plain);

    const ProcessResult json =
        cli.run_against_server({"check", "--stdin", "--generate", "--json"}, valid_key);
    BOOST_TEST(json.exit_code == 3);
    const nlohmann::json report = parse_json(json);
    BOOST_TEST(report.at("status").get<std::string>() == "limited");
    BOOST_TEST(report.at("reason").get<std::string>() == "missing_scope");
    BOOST_TEST(report.at("http_status").get<int>() == 401);
    BOOST_TEST(report.at("generation").at("status").get<std::string>() == "limited");
    BOOST_TEST(report.at("generation").at("reason").get<std::string>() == "missing_scope");
}

BOOST_AUTO_TEST_CASE(no_credit_exits_3_and_is_not_retried) {
    CliFixture cli;
    cli.serve(models_then(
        Reply::json(429,
                    error_body("You exceeded your current quota, please check your plan and billing details.",
                               "insufficient_quota", "insufficient_quota"),
                    {{"retry-after", "0"}})));
    const ProcessResult json =
        cli.run_against_server({"check", "--stdin", "--generate", "--json"}, valid_key);
    BOOST_TEST(json.exit_code == 3);
    const nlohmann::json report = parse_json(json);
    BOOST_TEST(report.at("reason").get<std::string>() == "insufficient_quota");
    BOOST_TEST(cli.server().request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(set_generate_saves_nothing_for_a_read_only_key_unless_allowed) {
    CliFixture cli;
    cli.serve(models_then(Reply::json(401, read_only_refusal)));
    const ProcessResult refused = cli.run_against_server({"set", "--store", "file", "--generate"}, valid_key);
    BOOST_TEST(refused.exit_code == 3);
    BOOST_TEST(refused.err.find("cannot write text") != std::string::npos, refused.err);
    BOOST_TEST(cli.files_containing(valid_key).empty());

    const ProcessResult allowed =
        cli.run_against_server({"set", "--store", "file", "--generate", "--allow-limited"}, valid_key);
    BOOST_TEST(allowed.exit_code == 0);
    BOOST_TEST(cli.files_containing(valid_key).size() == 1u);
}

BOOST_AUTO_TEST_CASE(set_generate_saves_a_key_that_can_write_text) {
    CliFixture cli;
    cli.serve(models_then(Reply::json(200, chat_completion)));
    const ProcessResult saved = cli.run_against_server({"set", "--store", "file", "--generate"}, valid_key);
    BOOST_TEST_INFO("stderr: " << saved.err);
    BOOST_TEST(saved.exit_code == 0);
    BOOST_TEST(cli.files_containing(valid_key).size() == 1u);
    BOOST_TEST(cli.server().request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(help_documents_generate_and_other_commands_refuse_it) {
    CliFixture cli;
    const ProcessResult help = cli.run({"--help"});
    BOOST_TEST(help.out.find("--generate") != std::string::npos);
    BOOST_TEST(cli.run({"show", "--generate"}).exit_code == 64);
}

BOOST_AUTO_TEST_SUITE_END()
