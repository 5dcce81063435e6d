// `keywizard check`: exit codes, --json fields, plain lines, and that the key never shows.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_fixture.h"

using namespace keywizard::test;
namespace data = boost::unit_test::data;

namespace {

void require_key_absent(const ProcessResult& result, const std::string& key = valid_key) {
    BOOST_TEST(result.out.find(key) == std::string::npos);
    BOOST_TEST(result.err.find(key) == std::string::npos);
    // Not even the part that the mask hides.
    BOOST_TEST(result.out.find(key.substr(8, 20)) == std::string::npos);
}

nlohmann::json parse_json(const ProcessResult& result) {
    BOOST_TEST_INFO("stdout: " << result.out << " stderr: " << result.err);
    BOOST_REQUIRE(nlohmann::json::accept(result.out));
    return nlohmann::json::parse(result.out);
}

struct OutcomeRow {
    const char* name;
    int http_status;
    std::string body;
    int exit_code;
    const char* status;
    const char* reason;
};

std::ostream& operator<<(std::ostream& out, const OutcomeRow& row) {
    return out << row.name;
}

const OutcomeRow outcome_rows[] = {
    {"valid", 200, models_body({"gpt-4o"}), 0, "valid", "ok"},
    {"incorrect key", 401,
     error_body("Incorrect API key provided: sk-proj-********GHIJ. You can find your API key at "
                "https://platform.openai.com/account/api-keys.",
                "invalid_request_error", "invalid_api_key"),
     2, "rejected", "invalid_api_key"},
    {"deactivated", 401,
     error_body("The OpenAI account associated with this API key has been deactivated.",
                "invalid_request_error", "account_deactivated"),
     2, "rejected", "account_deactivated"},
    {"missing scope", 403,
     error_body("You have insufficient permissions for this operation. Missing scopes: api.model.read.",
                "invalid_request_error", ""),
     3, "limited", "missing_scope"},
    {"no credit", 429,
     error_body("You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota", "insufficient_quota"),
     3, "limited", "insufficient_quota"},
    {"region", 403,
     error_body("Country, region, or territory not supported", "request_forbidden",
                "unsupported_country_region_territory"),
     3, "limited", "region_not_supported"},
    {"wrong base url", 404, error_body("Invalid URL (GET /v1/models)", "invalid_request_error", ""), 4,
     "unverified", "not_found"},
    {"server error", 500,
     error_body("The server had an error while processing your request. Sorry about that!", "server_error",
                ""),
     4, "unverified", "server_error"},
    {"captive portal", 200, "<html><body>Sign in to the hotel Wi-Fi</body></html>", 4, "unverified",
     "unexpected_response"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(check_command_tests)

BOOST_AUTO_TEST_CASE(valid_key_from_stdin_prints_one_masked_line_and_exits_0) {
    CliFixture cli;
    const ProcessResult result = cli.run_against_server({"check", "--stdin"}, valid_key + "\n");
    BOOST_TEST_INFO("stderr: " << result.err);
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.starts_with("✓ Key works (sk-proj-…GHIJ): 3 models, organization user-kwtest."));
    BOOST_TEST(result.out.find("Billing is not checked") != std::string::npos);
    require_key_absent(result);

    BOOST_REQUIRE_EQUAL(cli.server().request_count(), 1u);
    const RecordedRequest request = cli.server().requests().front();
    BOOST_TEST(request.target == "/v1/models");
    BOOST_TEST(request.header_values("authorization").size() == 1u);
    BOOST_TEST(*request.header("authorization") == "Bearer " + valid_key);
    BOOST_TEST(request.header("user-agent")->starts_with("keywizard/"));
    BOOST_TEST(!request.header("openai-organization"));
    BOOST_TEST(!request.header("openai-project"));
}

BOOST_DATA_TEST_CASE(json_report_carries_status_reason_and_exit_code, data::make(outcome_rows), row) {
    CliFixture cli;
    cli.serve(
        Reply::json(row.http_status, row.body, {{"x-request-id", "req_kwtestrow"}, {"retry-after", "0"}}));
    const ProcessResult result = cli.run_against_server({"check", "--stdin", "--json"}, valid_key);
    BOOST_TEST(result.exit_code == row.exit_code);
    const nlohmann::json report = parse_json(result);
    BOOST_TEST(report.at("status").get<std::string>() == row.status);
    BOOST_TEST(report.at("reason").get<std::string>() == row.reason);
    BOOST_TEST(report.at("http_status").get<int>() == row.http_status);
    BOOST_TEST(report.at("key").get<std::string>() == "sk-proj-…GHIJ");
    BOOST_TEST(report.at("request_id").get<std::string>() == "req_kwtestrow");
    BOOST_TEST(!report.at("message").get<std::string>().empty());
    BOOST_TEST(report.at("elapsed_ms").is_number_integer());
    BOOST_TEST(report.contains("organization"));
    BOOST_TEST(report.contains("project"));
    BOOST_TEST(report.at("models").is_number_integer());
    BOOST_TEST(report.at("missing_models").is_array());
    require_key_absent(result);
}

BOOST_AUTO_TEST_CASE(key_comes_from_openai_api_key_when_stdin_is_not_asked_for) {
    CliFixture cli;
    cli.environment()["OPENAI_API_KEY"] = valid_key;
    const ProcessResult result = cli.run_against_server({"check", "--json"});
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(parse_json(result).at("status").get<std::string>() == "valid");
    require_key_absent(result);
}

BOOST_AUTO_TEST_CASE(organization_and_project_come_from_flags_or_environment) {
    CliFixture cli;
    cli.environment()["OPENAI_PROJECT_ID"] = "proj_kwtestenv";
    const ProcessResult result =
        cli.run_against_server({"check", "--stdin", "--organization", "org-kwtestflag"}, valid_key);
    BOOST_TEST(result.exit_code == 0);
    const RecordedRequest request = cli.server().requests().front();
    BOOST_TEST(*request.header("openai-organization") == "org-kwtestflag");
    BOOST_TEST(*request.header("openai-project") == "proj_kwtestenv");
}

BOOST_AUTO_TEST_CASE(malformed_key_is_rejected_before_any_request) {
    CliFixture cli;
    const std::string with_zero_width_space = "sk-proj-kwtest\u200bCLIbroken0123456789";
    const ProcessResult result =
        cli.run_against_server({"check", "--stdin", "--json"}, with_zero_width_space);
    BOOST_TEST(result.exit_code == 2);
    const nlohmann::json report = parse_json(result);
    BOOST_TEST(report.at("reason").get<std::string>() == "malformed_key");
    BOOST_TEST(report.at("message").get<std::string>().find("zero-width space") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 0u);
    BOOST_TEST(cli.server().connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(admin_key_is_refused_locally) {
    CliFixture cli;
    const ProcessResult result =
        cli.run_against_server({"check", "--stdin", "--json"}, "sk-admin-kwtestADMIN0123456789abcdef");
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(parse_json(result).at("reason").get<std::string>() == "admin_key");
    BOOST_TEST(cli.server().connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(a_key_of_another_provider_is_named_and_never_sent) {
    CliFixture cli;
    const std::string gemini_key = "AIzaSykwtestGEMINI0123456789abcdefABCD";
    const ProcessResult result = cli.run_against_server({"check", "--stdin", "--json"}, gemini_key);
    BOOST_TEST(result.exit_code == 2);
    const nlohmann::json report = parse_json(result);
    BOOST_TEST(report.at("status").get<std::string>() == "rejected");
    BOOST_TEST(report.at("reason").get<std::string>() == "wrong_provider");
    BOOST_TEST(report.at("message").get<std::string>().find("Google Gemini") != std::string::npos);
    BOOST_TEST(result.out.find("kwtestGEMINI") == std::string::npos);
    BOOST_TEST(cli.server().connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(providers_lists_the_known_providers_and_how_their_keys_start) {
    CliFixture cli;
    const ProcessResult json = cli.run({"providers", "--json"});
    BOOST_TEST(json.exit_code == 0, json.err);
    const nlohmann::json list = parse_json(json).at("providers");
    BOOST_TEST_REQUIRE(list.size() == 9u);
    BOOST_TEST(list.at(0).at("id").get<std::string>() == "openai");
    BOOST_TEST(list.at(0).at("variables").at(0).get<std::string>() == "OPENAI_API_KEY");
    BOOST_TEST(list.at(0).at("default_base_url").get<std::string>() == "https://api.openai.com/v1");
    BOOST_TEST(list.at(1).at("id").get<std::string>() == "anthropic");
    BOOST_TEST(list.at(1).at("key_prefixes").at(0).get<std::string>() == "sk-ant-");

    const ProcessResult plain = cli.run({"providers"});
    BOOST_TEST(plain.exit_code == 0, plain.err);
    BOOST_TEST(plain.out.find("GEMINI_API_KEY, GOOGLE_API_KEY") != std::string::npos, plain.out);
    BOOST_TEST(plain.out.find("keys start with gsk_") != std::string::npos, plain.out);
}

BOOST_AUTO_TEST_CASE(required_model_that_is_missing_makes_the_key_limited) {
    CliFixture cli;
    const ProcessResult result = cli.run_against_server(
        {"check", "--stdin", "--json", "--require-model", "gpt-4o", "--require-model", "o9-kwtest"},
        valid_key);
    BOOST_TEST(result.exit_code == 3);
    const nlohmann::json report = parse_json(result);
    BOOST_TEST(report.at("reason").get<std::string>() == "required_model_missing");
    BOOST_TEST(report.at("missing_models") == nlohmann::json::array({"o9-kwtest"}));
}

BOOST_AUTO_TEST_CASE(dead_port_is_unverified_connect) {
    CliFixture cli;
    const ProcessResult result = cli.run({"check", "--stdin", "--json", "--base-url",
                                          "https://127.0.0.1:" + std::to_string(unused_loopback_port())},
                                         valid_key);
    BOOST_TEST(result.exit_code == 4);
    BOOST_TEST(parse_json(result).at("reason").get<std::string>() == "connect");
}

BOOST_AUTO_TEST_CASE(plain_http_to_a_remote_host_is_refused_without_io) {
    CliFixture cli;
    const ProcessResult result =
        cli.run({"check", "--stdin", "--json", "--base-url", "http://api.openai.com/v1"}, valid_key);
    BOOST_TEST(result.exit_code == 4);
    BOOST_TEST(parse_json(result).at("reason").get<std::string>() == "insecure_endpoint");
}

BOOST_AUTO_TEST_CASE(rejected_key_plain_report_names_the_fix) {
    CliFixture cli;
    cli.serve(Reply::json(401, error_body("Incorrect API key provided: sk-proj-********GHIJ.",
                                          "invalid_request_error", "invalid_api_key")));
    const ProcessResult result = cli.run_against_server({"check", "--stdin"}, valid_key);
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.out.starts_with("✗ Key rejected (sk-proj-…GHIJ): "));
    BOOST_TEST(result.out.find("(401 invalid_api_key)") != std::string::npos);
    BOOST_TEST(result.out.find("https://platform.openai.com/api-keys") != std::string::npos);
    require_key_absent(result);
}

BOOST_AUTO_TEST_CASE(key_on_the_command_line_is_a_usage_error_and_is_not_echoed) {
    CliFixture cli;
    const ProcessResult result = cli.run({"check", valid_key});
    BOOST_TEST(result.exit_code == 64);
    BOOST_TEST(result.err.find("--stdin") != std::string::npos);
    require_key_absent(result);
}

BOOST_AUTO_TEST_CASE(unknown_option_and_bad_timeout_are_usage_errors) {
    CliFixture cli;
    BOOST_TEST(cli.run({"check", "--frobnicate"}).exit_code == 64);
    BOOST_TEST(cli.run({"check", "--timeout", "0"}).exit_code == 64);
    BOOST_TEST(cli.run({"check", "--base-url"}).exit_code == 64);
    BOOST_TEST(cli.run({"launch-rockets"}).exit_code == 64);
}

BOOST_AUTO_TEST_CASE(no_key_anywhere_says_where_to_put_one) {
    // Exit 5, not 2: "rejected" is a verdict on a key, and there is none.
    CliFixture cli;
    const ProcessResult result = cli.run_against_server({"check"});
    BOOST_TEST(result.exit_code == 5);
    BOOST_TEST(result.err.find("keywizard set") != std::string::npos);
    BOOST_TEST(result.out.empty(), result.out);
    BOOST_TEST(cli.server().request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(no_key_with_json_prints_an_object_a_host_can_parse) {
    CliFixture cli;
    const ProcessResult result = cli.run_against_server({"check", "--json"});
    BOOST_TEST(result.exit_code == 5);
    const auto json = nlohmann::json::parse(result.out);
    BOOST_TEST(json.at("status").get<std::string>() == "unverified");
    BOOST_TEST(json.at("reason").get<std::string>() == "no_key");
    BOOST_TEST(json.at("key").is_null());
    BOOST_TEST(json.at("http_status").is_null());
    BOOST_TEST(json.at("message").get<std::string>().find("OPENAI_API_KEY") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(help_lists_every_command_and_exits_0) {
    CliFixture cli;
    const ProcessResult result = cli.run({"--help"});
    BOOST_TEST(result.exit_code == 0);
    for (const char* command : {"check", "set", "show", "forget", "wizard", "--require-model"}) {
        BOOST_TEST(result.out.find(command) != std::string::npos, command);
    }
}

BOOST_AUTO_TEST_SUITE_END()
