#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "net/check_outcome.h"
#include "net/json.h"  // the same nlohmann settings as net/ itself
#include "net/models_check.h"
#include "net/retry_policy.h"

using namespace keywizard::net;
namespace bdata = boost::unit_test::data;

namespace {

const std::string body40 = "kwtest0123kwtest4567kwtest89ABkwtestCDEF";
const std::string valid_key = "sk-proj-" + body40;

const std::string api_keys_page = "https://platform.openai.com/api-keys";
const std::string billing_page = "https://platform.openai.com/settings/organization/billing";
const std::string countries_page = "https://platform.openai.com/docs/supported-countries";
const std::string organization_page = "https://platform.openai.com/settings/organization/general";
const std::string permissions_page = "https://help.openai.com/en/articles/8867743-assign-api-key-permissions";
const std::string help_center = "https://help.openai.com";
const std::string status_page = "https://status.openai.com";

// Bodies shaped like the API's (OPENAI_API.md); keys in them are starred the way the API stars them.
std::string error_body(const std::string& message, const std::string& type, const std::string& code) {
    nlohmann::json error = {{"message", message}, {"type", type}, {"param", nullptr}};
    error["code"] = code.empty() ? nlohmann::json(nullptr) : nlohmann::json(code);
    return nlohmann::json{{"error", error}}.dump();
}

const std::string models_list =
    R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
    R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system","shutdown_date":null}]})";
const std::string incorrect_key =
    "Incorrect API key provided: sk-proj-********CDEF. You can find your API key at "
    "https://platform.openai.com/account/api-keys.";
const std::string missing_scopes =
    "You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you "
    "have "
    "the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if "
    "you're "
    "using a restricted API key, that it has the necessary scopes.";
// Messages the API sends both with its code and with code null.
const std::string deactivated = "The OpenAI account associated with this API key has been deactivated.";
const std::string mismatched_organization =
    "OpenAI-Organization header should match organization for API key";
const std::string unsupported_region = "Country, region, or territory not supported";
const std::string quota_exceeded =
    "You exceeded your current quota, please check your plan and billing details.";
const std::string captive_portal =
    "<!DOCTYPE html><html><head><title>Hotel Wi-Fi Login</title></head><body>Accept the terms</body></html>";
const std::string cloudflare_502 =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
    "</center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";

struct Row {
    std::string name;
    long status;
    std::string body;
    Reason reason;
    KeyStatus key_status;
    std::string remedy;
    HeaderList headers = {};
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
    return out << row.name;
}

const std::vector<Row> rows = {
    // valid
    {"200 model list", 200, models_list, Reason::ok, KeyStatus::valid, ""},
    {"200 empty model list", 200, R"({"object":"list","data":[]})", Reason::ok, KeyStatus::valid, ""},
    // rejected
    {"401 invalid_api_key", 401, error_body(incorrect_key, "invalid_request_error", "invalid_api_key"),
     Reason::invalid_api_key, KeyStatus::rejected, api_keys_page},
    {"401 incorrect key with code null", 401, error_body(incorrect_key, "invalid_request_error", ""),
     Reason::invalid_api_key, KeyStatus::rejected, api_keys_page},
    {"401 unknown wording in the API's format", 401, error_body("Key expired.", "invalid_request_error", ""),
     Reason::invalid_api_key, KeyStatus::rejected, api_keys_page},
    {"401 with error absent, message at the top", 401, R"({"message":"Incorrect API key provided"})",
     Reason::invalid_api_key, KeyStatus::rejected, api_keys_page},
    {"401 account_deactivated", 401, error_body(deactivated, "invalid_request_error", "account_deactivated"),
     Reason::account_deactivated, KeyStatus::rejected, help_center},
    {"401 deactivated with code null", 401, error_body(deactivated, "invalid_request_error", ""),
     Reason::account_deactivated, KeyStatus::rejected, help_center},
    {"401 no_organization", 401,
     error_body("You must be a member of an organization to use the API. Please contact us through our help "
                "center at help.openai.com.",
                "invalid_request_error", "no_organization"),
     Reason::no_organization, KeyStatus::rejected, organization_page},
    {"401 no organization with code null", 401,
     error_body("You must be a member of an organization to use the API.", "invalid_request_error", ""),
     Reason::no_organization, KeyStatus::rejected, organization_page},
    {"401 mismatched_organization", 401,
     error_body(mismatched_organization, "invalid_request_error", "mismatched_organization"),
     Reason::mismatched_organization, KeyStatus::rejected, organization_page},
    {"401 mismatched organization with code null", 401,
     error_body(mismatched_organization, "invalid_request_error", ""), Reason::mismatched_organization,
     KeyStatus::rejected, organization_page},
    // limited
    {"401 missing scopes, code null", 401, error_body(missing_scopes, "invalid_request_error", ""),
     Reason::missing_scope, KeyStatus::limited, permissions_page},
    {"403 missing_scope", 403, error_body(missing_scopes, "invalid_request_error", "missing_scope"),
     Reason::missing_scope, KeyStatus::limited, permissions_page},
    {"401 missing scopes with error as a bare string", 401, nlohmann::json{{"error", missing_scopes}}.dump(),
     Reason::missing_scope, KeyStatus::limited, permissions_page},
    {"403 unsupported_country_region_territory", 403,
     error_body(unsupported_region, "request_forbidden", "unsupported_country_region_territory"),
     Reason::region_not_supported, KeyStatus::limited, countries_page},
    {"403 unsupported region with code null", 403, error_body(unsupported_region, "request_forbidden", ""),
     Reason::region_not_supported, KeyStatus::limited, countries_page},
    {"401 IP not authorized as JSON", 401, error_body("IP not authorized", "invalid_request_error", ""),
     Reason::ip_not_allowed, KeyStatus::limited, organization_page},
    {"401 IP not authorized as plain text", 401, "IP not authorized\n", Reason::ip_not_allowed,
     KeyStatus::limited, organization_page},
    {"429 insufficient_quota", 429, error_body(quota_exceeded, "insufficient_quota", "insufficient_quota"),
     Reason::insufficient_quota, KeyStatus::limited, billing_page},
    {"429 insufficient_quota by type, code null", 429, error_body(quota_exceeded, "insufficient_quota", ""),
     Reason::insufficient_quota, KeyStatus::limited, billing_page},
    {"429 insufficient_quota by code only", 429, error_body("Quota.", "", "insufficient_quota"),
     Reason::insufficient_quota, KeyStatus::limited, billing_page},
    // unverified: the server
    {"429 rate_limit_exceeded",
     429,
     error_body("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
     Reason::rate_limited,
     KeyStatus::unverified,
     "",
     {{"retry-after", "1"}}},
    {"429 HTML", 429, "<html><title>Too Many Requests</title></html>", Reason::rate_limited,
     KeyStatus::unverified, ""},
    {"429 empty", 429, "", Reason::rate_limited, KeyStatus::unverified, ""},
    {"500 server_error", 500,
     error_body("The server had an error while processing your request. Sorry about that!", "server_error",
                ""),
     Reason::server_error, KeyStatus::unverified, status_page},
    {"503 server_is_overloaded", 503,
     error_body("The server is overloaded or not ready yet.", "service_unavailable_error",
                "server_is_overloaded"),
     Reason::server_error, KeyStatus::unverified, status_page},
    {"502 HTML from a CDN", 502, cloudflare_502, Reason::server_error, KeyStatus::unverified, status_page},
    {"504 empty", 504, "", Reason::server_error, KeyStatus::unverified, status_page},
    {"404 invalid URL", 404, error_body("Invalid URL (GET /v1/modelz)", "invalid_request_error", ""),
     Reason::not_found, KeyStatus::unverified, ""},
    {"404 HTML", 404, "<html><body>Not Found</body></html>", Reason::not_found, KeyStatus::unverified, ""},
    {"200 HTML captive portal", 200, captive_portal, Reason::unexpected_response, KeyStatus::unverified, ""},
    {"200 empty body", 200, "", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"200 JSON that is one model", 200, R"({"id":"gpt-4o","object":"model"})", Reason::unexpected_response,
     KeyStatus::unverified, ""},
    {"200 JSON array", 200, "[]", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"200 list without object", 200, R"({"data":[]})", Reason::unexpected_response, KeyStatus::unverified,
     ""},
    {"200 data that is not an array", 200, R"({"object":"list","data":{}})", Reason::unexpected_response,
     KeyStatus::unverified, ""},
    {"200 truncated JSON", 200, R"({"object":"list","data":[{"id":"gpt-4o")", Reason::unexpected_response,
     KeyStatus::unverified, ""},
    {"200 with an error body", 200, error_body(incorrect_key, "invalid_request_error", "invalid_api_key"),
     Reason::unexpected_response, KeyStatus::unverified, ""},
    {"401 HTML from a proxy", 401, "<html><title>401 Authorization Required</title></html>",
     Reason::unexpected_response, KeyStatus::unverified, ""},
    {"401 empty", 401, "", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"401 error null", 401, R"({"error":null})", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"401 no key arrived", 401,
     error_body("You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                "invalid_request_error", ""),
     Reason::unexpected_response, KeyStatus::unverified, ""},
    {"403 HTML from a firewall", 403, "<html><title>Access denied</title></html>",
     Reason::unexpected_response, KeyStatus::unverified, ""},
    {"400", 400, error_body("Bad request.", "invalid_request_error", ""), Reason::unexpected_response,
     KeyStatus::unverified, ""},
    {"418", 418, "I'm a teapot", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"204", 204, "", Reason::unexpected_response, KeyStatus::unverified, ""},
    {"201 with a model list", 201, models_list, Reason::unexpected_response, KeyStatus::unverified, ""},
    {"301", 301, "", Reason::redirect, KeyStatus::unverified, "", {{"location", "https://example.test/v1"}}},
    {"302", 302, "<html>Found</html>", Reason::redirect, KeyStatus::unverified, ""},
    {"307", 307, "", Reason::redirect, KeyStatus::unverified, ""},
    {"308", 308, "", Reason::redirect, KeyStatus::unverified, ""},
    {"407 from a plain HTTP proxy", 407, "", Reason::proxy, KeyStatus::unverified, ""},
};

HttpResponse response_of(long status, std::string body, HeaderList headers = {}) {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    return response;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(classify_tests)

BOOST_DATA_TEST_CASE(each_response_gets_its_row_of_the_outcome_table, bdata::make(rows), row) {
    const auto outcome = classify_models_response(response_of(row.status, row.body, row.headers), {});
    BOOST_TEST(to_string(outcome.reason) == to_string(row.reason));
    BOOST_TEST(to_string(outcome.status) == to_string(row.key_status));
    BOOST_TEST(outcome.remedy_url == row.remedy);
    BOOST_TEST_REQUIRE(outcome.http_status.has_value());
    BOOST_TEST(*outcome.http_status == row.status);
    BOOST_TEST(!outcome.message.empty());
    BOOST_TEST(outcome.message.find(body40) == std::string::npos);
    BOOST_TEST(outcome.detail.find(body40) == std::string::npos);
    // Everything may end up in --json: it must be valid UTF-8.
    BOOST_CHECK_NO_THROW(nlohmann::json({outcome.message, outcome.detail}).dump());
}

BOOST_AUTO_TEST_CASE(a_valid_key_says_what_was_not_checked_and_counts_models) {
    const auto outcome = classify_models_response(response_of(200, models_list), {});
    BOOST_TEST(outcome.model_count == 2u);
    BOOST_TEST(outcome.exit_code() == 0);
    BOOST_TEST(outcome.message.find("2 models") != std::string::npos);
    BOOST_TEST_REQUIRE(outcome.notes.size() == 1u);
    BOOST_TEST(outcome.notes[0].find("Billing") != std::string::npos);
    BOOST_TEST(outcome.notes[0].find("generate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(headers_give_request_id_organization_and_project) {
    const auto outcome = classify_models_response(
        response_of(401, error_body(incorrect_key, "invalid_request_error", "invalid_api_key"),
                    {{"x-request-id", "req_0123456789abcdef0123456789abcdef"},
                     {"openai-organization", "user-abc123"},
                     {"openai-project", "proj_kwtest0123456789"},
                     {"openai-version", "2020-10-01"}}),
        {});
    BOOST_TEST(outcome.request_id == "req_0123456789abcdef0123456789abcdef");
    BOOST_TEST(outcome.organization == "user-abc123");
    BOOST_TEST(outcome.project == "proj_kwtest0123456789");
}

BOOST_AUTO_TEST_CASE(random_looking_request_ids_are_kept_but_keys_in_headers_are_masked) {
    const auto outcome = classify_models_response(
        response_of(200, models_list,
                    {{"x-request-id", "5b0e8e1a2d3c4f5a6b7c8d9e0f1a2b3c"}, {"openai-project", valid_key}}),
        {});
    BOOST_TEST(outcome.request_id == "5b0e8e1a2d3c4f5a6b7c8d9e0f1a2b3c");
    BOOST_TEST(outcome.project ==
               "sk-proj-\xE2\x80\xA6"
               "CDEF");
}

BOOST_AUTO_TEST_CASE(missing_headers_leave_the_fields_empty) {
    const auto outcome = classify_models_response(response_of(200, models_list), {});
    BOOST_TEST(outcome.request_id.empty());
    BOOST_TEST(outcome.organization.empty());
    BOOST_TEST(outcome.project.empty());
}

BOOST_AUTO_TEST_CASE(a_required_model_not_listed_limits_the_key) {
    const auto outcome = classify_models_response(response_of(200, models_list),
                                                  {"gpt-4o", "o3-kwtest", "o3-kwtest", "gpt-x"});
    BOOST_TEST(to_string(outcome.reason) == "required_model_missing");
    BOOST_TEST(to_string(outcome.status) == "limited");
    BOOST_TEST(outcome.exit_code() == 3);
    BOOST_TEST(outcome.missing_models == (std::vector<std::string>{"o3-kwtest", "gpt-x"}));
    BOOST_TEST(outcome.model_count == 2u);
    BOOST_TEST(outcome.message.find("o3-kwtest, gpt-x") != std::string::npos);
    BOOST_TEST(!outcome.notes.empty());
}

BOOST_AUTO_TEST_CASE(required_models_that_are_listed_keep_the_key_valid) {
    const auto outcome = classify_models_response(response_of(200, models_list), {"gpt-4o-mini", "gpt-4o"});
    BOOST_TEST(to_string(outcome.reason) == "ok");
    BOOST_TEST(outcome.missing_models.empty());
}

BOOST_AUTO_TEST_CASE(required_models_are_not_judged_when_the_key_is_rejected) {
    const auto outcome = classify_models_response(
        response_of(401, error_body(incorrect_key, "invalid_request_error", "invalid_api_key")), {"gpt-4o"});
    BOOST_TEST(to_string(outcome.reason) == "invalid_api_key");
    BOOST_TEST(outcome.missing_models.empty());
}

BOOST_AUTO_TEST_CASE(detail_carries_the_servers_message_with_keys_masked) {
    const auto echoed =
        classify_models_response(response_of(401, error_body("Incorrect API key provided: " + valid_key + ".",
                                                             "invalid_request_error", "invalid_api_key")),
                                 {});
    BOOST_TEST(echoed.detail.find(body40) == std::string::npos);
    BOOST_TEST(echoed.detail.find("Incorrect API key provided: sk-proj-\xE2\x80\xA6"
                                  "CDEF.") != std::string::npos,
               echoed.detail);

    const auto starred = classify_models_response(
        response_of(401, error_body(incorrect_key, "invalid_request_error", "invalid_api_key")), {});
    BOOST_TEST(starred.detail.find("sk-proj-\xE2\x80\xA6"
                                   "CDEF") != std::string::npos,
               starred.detail);
    BOOST_TEST(starred.detail.find("https://platform.openai.com/account/api-keys") != std::string::npos);

    const auto bare = classify_models_response(response_of(500, "upstream failed for token " + body40), {});
    BOOST_TEST(bare.detail.find(body40) == std::string::npos);
    BOOST_TEST(bare.detail.find("[redacted]") != std::string::npos, bare.detail);
}

BOOST_AUTO_TEST_CASE(detail_names_an_html_page_by_its_title) {
    const auto portal = classify_models_response(response_of(200, captive_portal), {});
    BOOST_TEST(portal.detail.find("Hotel Wi-Fi Login") != std::string::npos, portal.detail);
    BOOST_TEST(portal.message.find("web page") != std::string::npos, portal.message);
    const auto gateway = classify_models_response(response_of(502, cloudflare_502), {});
    BOOST_TEST(gateway.detail.find("502 Bad Gateway") != std::string::npos, gateway.detail);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_passes_on_how_long_the_server_asks_to_wait) {
    const std::string body = error_body("Rate limit reached for requests", "requests", "rate_limit_exceeded");
    const auto asked = classify_models_response(response_of(429, body, {{"retry-after", "30"}}), {});
    BOOST_TEST(asked.message.find("Try again in 30 seconds.") != std::string::npos, asked.message);
    const auto in_ms = classify_models_response(response_of(429, body, {{"retry-after-ms", "2500"}}), {});
    BOOST_TEST(in_ms.message.find("Try again in 3 seconds.") != std::string::npos, in_ms.message);
    const auto not_asked = classify_models_response(response_of(429, body), {});
    BOOST_TEST(not_asked.message.find("Try again in a minute.") != std::string::npos, not_asked.message);
}

BOOST_AUTO_TEST_CASE(reset_durations_read_as_the_api_writes_them) {
    using std::chrono::milliseconds;
    BOOST_TEST(parse_reset_duration("26.604s").value_or(milliseconds(-1)).count() == 26'604);
    BOOST_TEST(parse_reset_duration("120ms").value_or(milliseconds(-1)).count() == 120);
    BOOST_TEST(parse_reset_duration("1m2.5s").value_or(milliseconds(-1)).count() == 62'500);
    BOOST_TEST(parse_reset_duration("6m0s").value_or(milliseconds(-1)).count() == 360'000);
    BOOST_TEST(parse_reset_duration("1h2m").value_or(milliseconds(-1)).count() == 3'720'000);
    BOOST_TEST(parse_reset_duration(" 20s ").value_or(milliseconds(-1)).count() == 20'000);
    for (const char* garbage : {"", "s", "12", "12x", "-3s", "1..2s", "ms20", "2 s", "99999999h"}) {
        BOOST_TEST(!parse_reset_duration(garbage).has_value(), garbage);
    }
}

BOOST_AUTO_TEST_CASE(a_rate_limit_says_the_real_wait_in_order_of_what_the_server_said) {
    const std::string tokens = error_body(
        "Rate limit reached for gpt-4 in organization org-x on tokens per min (TPM): Limit 10000, Used 9348, "
        "Requested 5086. Please try again in 26.604s. Visit https://platform.openai.com/account/rate-limits.",
        "tokens", "rate_limit_exceeded");
    const HeaderList resets = {{"x-ratelimit-reset-requests", "120ms"},
                               {"x-ratelimit-reset-tokens", "1m2.5s"}};
    // Retry-After first,
    HeaderList with_retry_after = resets;
    with_retry_after.emplace_back("retry-after", "7");
    const auto first = classify_models_response(response_of(429, tokens, with_retry_after), {});
    BOOST_TEST(first.retry_after_s.value_or(0) == 7);
    // then the reset header of the limit that was hit (tokens here, not the requests' 120 ms),
    const auto second = classify_models_response(response_of(429, tokens, resets), {});
    BOOST_TEST(second.retry_after_s.value_or(0) == 63);
    BOOST_TEST(second.rate_limit == "tokens");
    BOOST_TEST(second.message.find("limit of tokens per minute") != std::string::npos, second.message);
    BOOST_TEST(second.message.find("Try again in 63 seconds.") != std::string::npos, second.message);
    // then the message.
    const auto third = classify_models_response(response_of(429, tokens), {});
    BOOST_TEST(third.retry_after_s.value_or(0) == 27);
    // Without a type or a message that names the limit, the remaining counts name it; without those the
    // longer reset is the one to wait for.
    const std::string plain = error_body("Rate limit reached.", "rate_limit_error", "rate_limit_exceeded");
    HeaderList requests_exhausted = resets;
    requests_exhausted.emplace_back("x-ratelimit-remaining-requests", "0");
    requests_exhausted.emplace_back("x-ratelimit-remaining-tokens", "4000");
    const auto named = classify_models_response(response_of(429, plain, requests_exhausted), {});
    BOOST_TEST(named.rate_limit == "requests");
    BOOST_TEST(named.retry_after_s.value_or(0) == 1);
    BOOST_TEST(named.message.find("Try again in a second.") != std::string::npos, named.message);
    const auto unnamed = classify_models_response(response_of(429, plain, resets), {});
    BOOST_TEST(unnamed.rate_limit == "");
    BOOST_TEST(unnamed.retry_after_s.value_or(0) == 63);
    BOOST_TEST(unnamed.message.find("Try again in 63 seconds.") != std::string::npos, unnamed.message);
    // A day's limit is said to be one.
    const std::string daily = error_body(
        "Rate limit reached for gpt-4o on requests per day (RPD): Limit 200. Please try again in 7m12s.",
        "requests", "rate_limit_exceeded");
    const auto per_day = classify_models_response(response_of(429, daily), {});
    BOOST_TEST(per_day.message.find("limit of requests per day") != std::string::npos, per_day.message);
    BOOST_TEST(per_day.retry_after_s.value_or(0) == 432);
}

BOOST_AUTO_TEST_CASE(a_short_reset_is_retried_after_it_and_a_long_one_is_not) {
    const std::string body = error_body("Rate limit reached for requests", "requests", "rate_limit_exceeded");
    const auto soon = retry_wait_for(response_of(429, body, {{"x-ratelimit-reset-requests", "120ms"}}),
                                     Reason::rate_limited);
    BOOST_TEST(soon.value_or(std::chrono::milliseconds(-1)).count() == 120);
    const auto later = retry_wait_for(response_of(429, body, {{"x-ratelimit-reset-requests", "26.604s"}}),
                                      Reason::rate_limited);
    BOOST_TEST(!later.has_value());
}

BOOST_AUTO_TEST_CASE(a_redirect_names_where_it_points) {
    const auto outcome =
        classify_models_response(response_of(301, "", {{"location", "https://example.test/v1/models"}}), {});
    BOOST_TEST(outcome.detail.find("https://example.test/v1/models") != std::string::npos, outcome.detail);
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_text_never_break_the_classifier) {
    const std::string invalid_utf8 = "\xFF\xFE<title>\xC3(\xE2\x82</title>\x80 sk-proj-\xFF";
    for (const long status : {200L, 401L, 403L, 429L, 502L}) {
        const auto outcome = classify_models_response(response_of(status, invalid_utf8), {});
        BOOST_CHECK_NO_THROW(nlohmann::json({outcome.message, outcome.detail}).dump());
    }
    // The JSON parser must not recurse itself to death on a deeply nested body near the 4 MiB cap.
    const auto nested = classify_models_response(response_of(200, std::string(4 * 1024 * 1024, '[')), {});
    BOOST_TEST(to_string(nested.reason) == "unexpected_response");
    const auto nested_error = classify_models_response(response_of(401, std::string(1024 * 1024, '{')), {});
    BOOST_TEST(to_string(nested_error.reason) == "unexpected_response");
}

BOOST_AUTO_TEST_CASE(a_long_server_message_is_shortened) {
    const auto outcome = classify_models_response(
        response_of(500, error_body(std::string(5000, 'x'), "server_error", "")), {});
    BOOST_TEST(outcome.detail.size() < 400u);
}

// The transport reports its failures as the reasons a check gives; a reply that is not HTTP and a failure
// nobody foresaw are both unexpected_response, each with its own explanation.
struct TransportRow {
    Reason error;
    bool reply_not_http;
    std::string message_part;
};

std::ostream& operator<<(std::ostream& out, const TransportRow& row) {
    return out << to_string(row.error) << (row.reply_not_http ? " (not HTTP)" : "");
}

const std::vector<TransportRow> transport_rows = {
    {Reason::timeout, false, "in time"},
    {Reason::dns, false, "name could not be found"},
    {Reason::connect, false, "Could not connect"},
    {Reason::connection_lost, false, "connection broke"},
    {Reason::proxy, false, "proxy"},
    {Reason::tls_certificate, false, "certificate"},
    {Reason::tls, false, "TLS"},
    {Reason::ca_bundle, false, "CA"},
    {Reason::cancelled, false, "cancelled"},
    {Reason::too_large, false, "4 MiB"},
    {Reason::insecure_endpoint, false, "http://"},
    {Reason::invalid_setting, false, "setting"},
    {Reason::unexpected_response, false, "failed in an unexpected way"},
    {Reason::unexpected_response, true, "not valid HTTP"},
};

BOOST_DATA_TEST_CASE(each_transport_failure_keeps_its_reason, bdata::make(transport_rows), row) {
    HttpResponse response;
    response.error = row.error;
    response.reply_not_http = row.reply_not_http;
    response.error_detail = "SSL certificate problem: unable to get local issuer certificate";
    const auto outcome = classify_models_response(response, {"gpt-4o"});
    BOOST_TEST(to_string(outcome.reason) == to_string(row.error));
    BOOST_TEST(outcome.message.find(row.message_part) != std::string::npos, outcome.message);
    BOOST_TEST(to_string(outcome.status) == "unverified");
    BOOST_TEST(outcome.exit_code() == 4);
    BOOST_TEST(!outcome.http_status.has_value());
    BOOST_TEST(!outcome.message.empty());
    BOOST_TEST(outcome.detail == response.error_detail);
    BOOST_TEST(outcome.missing_models.empty());
}

BOOST_AUTO_TEST_CASE(a_body_cut_at_the_cap_is_too_large_even_after_a_200) {
    HttpResponse response = response_of(200, std::string(1000, 'x'), {{"x-request-id", "req_kwtest"}});
    response.error = Reason::too_large;
    const auto outcome = classify_models_response(response, {});
    BOOST_TEST(to_string(outcome.reason) == "too_large");
    BOOST_TEST_REQUIRE(outcome.http_status.has_value());
    BOOST_TEST(*outcome.http_status == 200);
    BOOST_TEST(outcome.request_id == "req_kwtest");
}

BOOST_AUTO_TEST_CASE(reason_names_are_the_ones_in_the_design) {
    const std::vector<std::pair<Reason, std::string>> names = {
        {Reason::ok, "ok"},
        {Reason::malformed_key, "malformed_key"},
        {Reason::admin_key, "admin_key"},
        {Reason::invalid_api_key, "invalid_api_key"},
        {Reason::account_deactivated, "account_deactivated"},
        {Reason::no_organization, "no_organization"},
        {Reason::mismatched_organization, "mismatched_organization"},
        {Reason::missing_scope, "missing_scope"},
        {Reason::region_not_supported, "region_not_supported"},
        {Reason::ip_not_allowed, "ip_not_allowed"},
        {Reason::insufficient_quota, "insufficient_quota"},
        {Reason::required_model_missing, "required_model_missing"},
        {Reason::rate_limited, "rate_limited"},
        {Reason::server_error, "server_error"},
        {Reason::not_found, "not_found"},
        {Reason::unexpected_response, "unexpected_response"},
        {Reason::redirect, "redirect"},
        {Reason::too_large, "too_large"},
        {Reason::timeout, "timeout"},
        {Reason::dns, "dns"},
        {Reason::connect, "connect"},
        {Reason::connection_lost, "connection_lost"},
        {Reason::proxy, "proxy"},
        {Reason::tls_certificate, "tls_certificate"},
        {Reason::tls, "tls"},
        {Reason::ca_bundle, "ca_bundle"},
        {Reason::cancelled, "cancelled"},
        {Reason::insecure_endpoint, "insecure_endpoint"},
        {Reason::endpoint_changed, "endpoint_changed"},
        {Reason::invalid_setting, "invalid_setting"},
        {Reason::wrong_provider, "wrong_provider"},
    };
    for (const auto& [reason, name] : names) {
        BOOST_TEST(to_string(reason) == name);
    }
    // Every reason reads back from its own name, and no two share one.
    for (int i = 0; i < static_cast<int>(Reason::count); ++i) {
        const auto reason = static_cast<Reason>(i);
        const auto named = keywizard::net::reason_named(to_string(reason));
        BOOST_TEST((named && *named == reason), to_string(reason));
    }
}

BOOST_AUTO_TEST_CASE(statuses_and_exit_codes_follow_the_design) {
    BOOST_TEST(to_string(KeyStatus::valid) == "valid");
    BOOST_TEST(to_string(KeyStatus::rejected) == "rejected");
    BOOST_TEST(to_string(KeyStatus::limited) == "limited");
    BOOST_TEST(to_string(KeyStatus::unverified) == "unverified");
    BOOST_TEST(exit_code_for(KeyStatus::valid) == 0);
    BOOST_TEST(exit_code_for(KeyStatus::rejected) == 2);
    BOOST_TEST(exit_code_for(KeyStatus::limited) == 3);
    BOOST_TEST(exit_code_for(KeyStatus::unverified) == 4);
    BOOST_TEST(to_string(status_of(Reason::malformed_key)) == "rejected");
    BOOST_TEST(to_string(status_of(Reason::admin_key)) == "rejected");
    BOOST_TEST(to_string(status_of(Reason::wrong_provider)) == "rejected");
    BOOST_TEST(to_string(status_of(Reason::required_model_missing)) == "limited");
    BOOST_TEST(to_string(status_of(Reason::insecure_endpoint)) == "unverified");
    BOOST_TEST(to_string(status_of(Reason::invalid_setting)) == "unverified");
    BOOST_TEST(to_string(status_of(Reason::endpoint_changed)) == "unverified");
    BOOST_TEST(to_string(status_of(Reason::cancelled)) == "unverified");
}

// The result panel's verdict follows the status: a person reads one sentence per kind of answer, and only a
// few reasons have a sentence of their own.
BOOST_AUTO_TEST_CASE(each_reason_has_the_verdict_of_its_status) {
    for (int i = 0; i < static_cast<int>(Reason::count); ++i) {
        const auto reason = static_cast<Reason>(i);
        const ReasonRow& row = reason_row(reason);
        BOOST_TEST_CONTEXT(row.name) {
            BOOST_TEST((row.reason == reason));
            std::string_view expected;
            switch (row.status) {
                case KeyStatus::valid:
                    expected = "This key works.";
                    break;
                case KeyStatus::rejected:
                    // A mismatch is the setting's fault, not the key's.
                    expected = reason == Reason::malformed_key || reason == Reason::admin_key ||
                                       reason == Reason::wrong_provider
                                   ? "This is not a key the app can use."
                               : reason == Reason::mismatched_organization
                                   ? "The key is right, but the organization is not."
                               : reason == Reason::mismatched_project
                                   ? "The key is right, but the project is not."
                                   : "OpenAI rejected this key.";
                    break;
                case KeyStatus::limited:
                    expected =
                        reason == Reason::missing_scope
                            ? "This key is real, but it may not be allowed to do everything the app needs."
                        : reason == Reason::model_not_allowed
                            ? "This key may not use the model the app needs."
                            : "This key is real, but it cannot be used as it is.";
                    break;
                case KeyStatus::unverified:
                    expected = reason == Reason::cancelled ? "The test was cancelled."
                               : reason == Reason::no_key  ? "There is no key to test."
                                                           : "The key could not be checked.";
                    break;
            }
            BOOST_TEST(row.verdict == expected);
            // A link needs both its address and its words.
            BOOST_TEST(row.remedy_url.empty() == row.remedy_label.empty());
        }
    }
    // Out of range (never stored by number, but a cast can make one): read as an unexpected answer.
    BOOST_TEST(reason_row(Reason::count).name == "unexpected_response");
}

BOOST_AUTO_TEST_SUITE_END()
