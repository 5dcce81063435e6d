// check_key end to end against a loopback TLS stand-in of the API: every outcome the server's answer can
// cause, what the server saw, and how many times it was asked.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"

using namespace std::chrono_literals;
using namespace keywizard::net;
using namespace keywizard::test;
using Headers = std::vector<std::pair<std::string, std::string>>;

namespace {

struct ServerCase : AnswerCase {
    std::size_t requests;  // 2 where one retry is allowed
};

const std::string missing_scopes =
    "You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you "
    "have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if "
    "you're using a restricted API key, that it has the necessary scopes.";
const Headers retry_now = {{"retry-after", "0"}};  // keeps the retry, without making the test wait

const ServerCase server_cases[] = {
    {"invalid_api_key",
     401,
     api_error("Incorrect API key provided: sk-proj-********cdef. You can find your API key at "
               "https://platform.openai.com/account/api-keys.",
               "invalid_request_error", "invalid_api_key"),
     {},
     KeyStatus::rejected,
     Reason::invalid_api_key,
     1},
    {"account_deactivated",
     401,
     api_error("The OpenAI account associated with this API key has been deactivated.",
               "invalid_request_error", "account_deactivated"),
     {},
     KeyStatus::rejected,
     Reason::account_deactivated,
     1},
    {"no_organization",
     401,
     api_error("You must be a member of an organization to use the API. Please contact us through our help "
               "center at help.openai.com.",
               "invalid_request_error", "no_organization"),
     {},
     KeyStatus::rejected,
     Reason::no_organization,
     1},
    {"mismatched_organization",
     401,
     api_error("OpenAI-Organization header should match organization for API key", "invalid_request_error",
               "mismatched_organization"),
     {},
     KeyStatus::rejected,
     Reason::mismatched_organization,
     1},
    {"missing_scope_401",
     401,
     api_error(missing_scopes, "invalid_request_error", ""),
     {},
     KeyStatus::limited,
     Reason::missing_scope,
     1},
    {"missing_scope_403",
     403,
     api_error(missing_scopes, "invalid_request_error", "missing_scope"),
     {},
     KeyStatus::limited,
     Reason::missing_scope,
     1},
    {"region_not_supported",
     403,
     api_error("Country, region, or territory not supported", "request_forbidden",
               "unsupported_country_region_territory"),
     {},
     KeyStatus::limited,
     Reason::region_not_supported,
     1},
    {"ip_not_allowed",
     401,
     R"({"error":{"message":"IP not authorized","type":null,"param":null,"code":null}})",
     {},
     KeyStatus::limited,
     Reason::ip_not_allowed,
     1},
    {"insufficient_quota", 429,
     api_error("You exceeded your current quota, please check your plan and billing details.",
               "insufficient_quota", "insufficient_quota"),
     retry_now, KeyStatus::limited, Reason::insufficient_quota, 1},
    {"rate_limited", 429, api_error("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
     retry_now, KeyStatus::unverified, Reason::rate_limited, 2},
    {"server_error_500", 500,
     api_error("The server had an error while processing your request. Sorry about that!", "server_error",
               ""),
     retry_now, KeyStatus::unverified, Reason::server_error, 2},
    {"server_error_503", 503,
     api_error("The server is overloaded or not ready yet.", "service_unavailable_error",
               "server_is_overloaded"),
     retry_now, KeyStatus::unverified, Reason::server_error, 2},
    {"not_found",
     404,
     api_error("Invalid URL (GET /v1/models)", "invalid_request_error", ""),
     {},
     KeyStatus::unverified,
     Reason::not_found,
     1},
    {"html_captive_portal",
     200,
     "<html><body><h1>Welcome to Hotel WiFi</h1>Please log in.</body></html>",
     {{"Content-Type", "text/html"}},
     KeyStatus::unverified,
     Reason::unexpected_response,
     1},
    {"empty_200", 200, "", {}, KeyStatus::unverified, Reason::unexpected_response, 1},
    {"wrong_json_200",
     200,
     R"({"object":"model","id":"gpt-4o"})",
     {},
     KeyStatus::unverified,
     Reason::unexpected_response,
     1},
    {"teapot", 418, "I'm a teapot", {}, KeyStatus::unverified, Reason::unexpected_response, 1},
    {"redirect",
     301,
     "",
     {{"Location", "https://127.0.0.1:1/v1/models"}},
     KeyStatus::unverified,
     Reason::redirect,
     1},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(models_check_tests, ApiFixture)

BOOST_AUTO_TEST_CASE(a_working_key_is_valid_with_models_request_id_organization_and_project) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));

    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(outcome.http_status.value_or(0) == 200);
    BOOST_TEST(outcome.model_count == 3u);
    BOOST_TEST(outcome.request_id == "req_kwtest0123");
    BOOST_TEST(outcome.organization == "user-kwtest");
    BOOST_TEST(outcome.project == "proj_kwtest");
    BOOST_TEST(outcome.attempts == 1);
    BOOST_TEST(outcome.exit_code() == 0);
    BOOST_TEST(outcome.masked_key.find(valid_key) == std::string::npos);
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(sends_one_bearer_authorization_the_user_agent_and_no_optional_headers_when_unset) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    (void)keywizard::net::check_key(check_of(server));

    BOOST_REQUIRE(server.wait_for_requests(1, 10s));
    const RecordedRequest seen = server.requests().at(0);
    BOOST_TEST(seen.method == "GET");
    BOOST_TEST(seen.target == "/v1/models");
    BOOST_TEST(seen.header_values("Authorization") == std::vector<std::string>{"Bearer " + valid_key},
               boost::test_tools::per_element());
    const auto agents = seen.header_values("User-Agent");
    BOOST_REQUIRE(agents.size() == 1u);
    BOOST_TEST(std::regex_match(agents[0], std::regex(R"(keywizard/\d+\.\d+\.\d+)")), agents[0]);
    BOOST_TEST(seen.header_values("OpenAI-Organization").empty());
    BOOST_TEST(seen.header_values("OpenAI-Project").empty());
}

BOOST_AUTO_TEST_CASE(sends_organization_and_project_once_each_when_set) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.endpoint.organization = "org-kwtest";
    request.endpoint.project = "proj_kwtest";
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::valid, Reason::ok);

    BOOST_REQUIRE(server.wait_for_requests(1, 10s));
    const RecordedRequest seen = server.requests().at(0);
    BOOST_TEST(seen.header_values("OpenAI-Organization") == std::vector<std::string>{"org-kwtest"},
               boost::test_tools::per_element());
    BOOST_TEST(seen.header_values("OpenAI-Project") == std::vector<std::string>{"proj_kwtest"},
               boost::test_tools::per_element());
    BOOST_TEST(seen.header_values("Authorization").size() == 1u);
}

BOOST_DATA_TEST_CASE_F(ApiFixture, every_server_answer_has_its_outcome_and_is_retried_only_where_allowed,
                       boost::unit_test::data::make(server_cases), sample) {
    LoopbackServer server([&](const RecordedRequest&, std::size_t) {
        Reply reply = Reply::json(sample.http_status, sample.body, sample.headers);
        return reply;
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));

    CHECK_OUTCOME(outcome, sample.status, sample.reason);
    BOOST_TEST(outcome.http_status.value_or(0) == sample.http_status);
    BOOST_TEST(server.request_count() == sample.requests);
    BOOST_TEST(outcome.attempts == static_cast<int>(sample.requests));
    BOOST_TEST(outcome.message.find(valid_key) == std::string::npos);
    BOOST_TEST(outcome.detail.find(valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_key_echoed_by_the_server_never_reaches_the_outcome) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) {
        return Reply::json(401, api_error("Incorrect API key provided: " + valid_key + ".",
                                          "invalid_request_error", "invalid_api_key"));
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::rejected, Reason::invalid_api_key);
    BOOST_TEST(outcome.detail.find(valid_key) == std::string::npos, outcome.detail);
    BOOST_TEST(outcome.message.find(valid_key) == std::string::npos, outcome.message);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_is_retried_once_after_the_servers_retry_after) {
    LoopbackServer server([](const RecordedRequest&, std::size_t index) {
        if (index == 0) {
            return Reply::json(
                429, api_error("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
                {{"retry-after", "1"}});
        }
        return models_list();
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));

    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(outcome.attempts == 2);
    const auto requests = server.requests();
    BOOST_REQUIRE(requests.size() == 2u);
    const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(requests[1].received_at -
                                                                           requests[0].received_at);
    BOOST_TEST(gap >= 1000ms, "second request came " << gap.count() << " ms after the first");
}

BOOST_AUTO_TEST_CASE(a_server_error_followed_by_success_is_valid_after_one_retry) {
    LoopbackServer server([](const RecordedRequest&, std::size_t index) {
        return index == 0 ? Reply::json(503,
                                        api_error("The server is overloaded or not ready yet.",
                                                  "service_unavailable_error", "server_is_overloaded"),
                                        {{"retry-after-ms", "100"}})
                          : models_list();
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(server.request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_required_model_that_is_missing_limits_the_key) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.required_models = {"gpt-4o", "gpt-kwtest-nonexistent"};
    const KeyCheckOutcome missing = keywizard::net::check_key(request);
    CHECK_OUTCOME(missing, KeyStatus::limited, Reason::required_model_missing);
    BOOST_TEST(missing.missing_models == std::vector<std::string>{"gpt-kwtest-nonexistent"},
               boost::test_tools::per_element());

    request.required_models = {"gpt-4o", "gpt-4o-mini"};
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::valid, Reason::ok);
}

BOOST_AUTO_TEST_CASE(a_redirect_is_reported_and_its_target_receives_nothing) {
    LoopbackServer elsewhere([](const RecordedRequest&, std::size_t) { return models_list(); });
    const std::string location = elsewhere.base_url() + "/v1/models";
    LoopbackServer server(
        [&](const RecordedRequest&, std::size_t) { return Reply::redirect(307, location); });

    CHECK_OUTCOME(keywizard::net::check_key(check_of(server)), KeyStatus::unverified, Reason::redirect);
    BOOST_TEST(elsewhere.connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(keys_with_control_or_invisible_characters_are_malformed_and_never_sent) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    const std::string middle = "sk-proj-kwtest";
    const std::string rest = "KEY0123456789abcdef";
    for (const std::string& bad :
         {middle + "\r" + rest, middle + "\n" + rest, middle + std::string(1, '\0') + rest,
          middle + "\xe2\x80\x8b" + rest, middle + "\r\nX-Injected: 1" + rest}) {
        const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server, bad));
        CHECK_OUTCOME(outcome, KeyStatus::rejected, Reason::malformed_key);
        BOOST_TEST(!outcome.http_status.has_value());
    }
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(an_admin_key_is_refused_without_asking) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    CHECK_OUTCOME(keywizard::net::check_key(check_of(server, "sk-admin-kwtestKEY0123456789abcdef")),
                  KeyStatus::rejected, Reason::admin_key);
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
