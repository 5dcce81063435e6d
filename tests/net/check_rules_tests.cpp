// What check_key decides before and between requests: endpoint rules, the request URL, the retry policy,
// and refusals that must happen without any I/O.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "net/endpoint.h"
#include "net/models_check.h"
#include "net/retry_policy.h"

using namespace keywizard::net;
using namespace std::chrono_literals;
namespace bdata = boost::unit_test::data;

namespace {

const std::string project_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEF";

struct EndpointRow {
    std::string name;
    Endpoint endpoint;
    std::optional<Reason> reason;  // nothing: usable
    std::string problem_part;
};

std::ostream& operator<<(std::ostream& out, const EndpointRow& row) {
    return out << row.name;
}

// An endpoint with one field changed from the default, so each row shows only what it tests.
template <auto field>
Endpoint with(std::remove_cvref_t<decltype(Endpoint{}.*field)> value) {
    Endpoint endpoint;
    endpoint.*field = std::move(value);
    return endpoint;
}

constexpr auto with_base = with<&Endpoint::base_url>;
constexpr auto with_org = with<&Endpoint::organization>;
constexpr auto with_project = with<&Endpoint::project>;
constexpr auto with_proxy = with<&Endpoint::proxy>;
constexpr auto with_timeout = with<&Endpoint::timeout>;

const std::vector<EndpointRow> endpoint_rows = {
    {"the default", Endpoint{}, std::nullopt, ""},
    {"https with port and path", with_base("https://api.example.test:8443/openai/v1/"), std::nullopt, ""},
    {"upper-case scheme", with_base("HTTPS://api.openai.com/v1"), std::nullopt, ""},
    {"http to 127.0.0.1", with_base("http://127.0.0.1:8080/v1"), std::nullopt, ""},
    {"http to localhost", with_base("http://localhost:11434/v1"), std::nullopt, ""},
    {"http to [::1]", with_base("http://[::1]:8080/v1"), std::nullopt, ""},
    {"https to an IPv6 address", with_base("https://[2001:db8::1]/v1"), std::nullopt, ""},
    {"organization, project and proxy set",
     Endpoint{default_base_url, "org-kwtest0123", "proj_kwtest0123", "", "http://127.0.0.1:3128", 30s, "",
              ""},
     std::nullopt, ""},
    {"http to another host", with_base("http://api.openai.com/v1"), Reason::insecure_endpoint, "https://"},
    {"http to a host named like loopback", with_base("http://127.0.0.1.example.test/v1"),
     Reason::insecure_endpoint, "unencrypted"},
    {"empty base URL", with_base(""), Reason::invalid_setting, "empty"},
    {"other scheme", with_base("ftp://api.openai.com/v1"), Reason::invalid_setting,
     "must start with https://"},
    {"no scheme", with_base("api.openai.com/v1"), Reason::invalid_setting, "must start with https://"},
    {"space", with_base("https://api.openai.com/v1 "), Reason::invalid_setting, "a space at position 26"},
    {"line feed", with_base("https://api.openai.com/v1\nX-Injected: 1"), Reason::invalid_setting,
     "a line break (LF)"},
    {"carriage return", with_base("https://api.openai.com\r/v1"), Reason::invalid_setting, "carriage return"},
    {"NUL", with_base(std::string("https://api.openai.com\0/v1", 26)), Reason::invalid_setting, "NUL"},
    {"non-ASCII host", with_base("https://api.\xC3\xB6penai.com/v1"), Reason::invalid_setting, "U+00F6"},
    {"query", with_base("https://api.openai.com/v1?api-version=1"), Reason::invalid_setting, "'?'"},
    {"fragment", with_base("https://api.openai.com/v1#x"), Reason::invalid_setting, "'#'"},
    {"user and password", with_base("https://user:secret@api.openai.com/v1"), Reason::invalid_setting,
     "user name or password"},
    {"no host", with_base("https:///v1"), Reason::invalid_setting, "no server name"},
    {"bad host character", with_base("https://api,openai.com/v1"), Reason::invalid_setting, "server name"},
    {"empty port", with_base("https://api.openai.com:/v1"), Reason::invalid_setting, "no port"},
    {"port zero", with_base("https://api.openai.com:0/v1"), Reason::invalid_setting, "port"},
    {"port too large", with_base("https://api.openai.com:65536/v1"), Reason::invalid_setting, "port"},
    {"port not a number", with_base("https://api.openai.com:https/v1"), Reason::invalid_setting, "port"},
    {"unclosed IPv6", with_base("https://[::1/v1"), Reason::invalid_setting, "']'"},
    {"not an IPv6 address", with_base("https://[kw::1]/v1"), Reason::invalid_setting,
     "IPv6 address is not valid"},
    {"text after an IPv6 address", with_base("https://[::1]x/v1"), Reason::invalid_setting,
     "unexpected after its IPv6 address"},
    {"port without a server name", with_base("https://:443/v1"), Reason::invalid_setting, "server name"},
    {"a lone @", with_base("https://@api.openai.com/v1"), Reason::invalid_setting, "user name or password"},
    {"http to a loopback address libcurl writes short", with_base("http://127.1:8080/v1"), std::nullopt, ""},
    {"organization with a space", with_org("org-kw test"), Reason::invalid_setting,
     "organization ID contains a space at position 7"},
    {"organization with a line feed", with_org("org-kwtest\nX: y"), Reason::invalid_setting, "line break"},
    {"project with a non-ASCII character", with_project("proj_kw\xC3\xA9"), Reason::invalid_setting,
     "project ID contains a non-ASCII character (U+00E9)"},
    {"proxy with a control character", with_proxy("http://127.0.0.1:3128\r\n"), Reason::invalid_setting,
     "proxy setting contains a carriage return"},
    {"zero timeout", with_timeout(0s), Reason::invalid_setting, "timeout"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(check_rules_tests)

BOOST_DATA_TEST_CASE(endpoint_settings_are_judged_before_any_io, bdata::make(endpoint_rows), row) {
    const auto issue = find_endpoint_issue(row.endpoint);
    const auto problem = endpoint_problem(row.endpoint);
    BOOST_TEST(issue.has_value() == row.reason.has_value());
    BOOST_TEST(problem.has_value() == row.reason.has_value());
    if (issue && row.reason) {
        BOOST_TEST(to_string(issue->reason) == to_string(*row.reason));
        BOOST_TEST(issue->problem == *problem);
        BOOST_TEST(issue->problem.find(row.problem_part) != std::string::npos,
                   "\"" << issue->problem << "\" should contain \"" << row.problem_part << "\"");
    }
}

BOOST_AUTO_TEST_CASE(models_url_appends_models_to_the_base_without_its_trailing_slashes) {
    BOOST_TEST(models_url(Endpoint{}) == "https://api.openai.com/v1/models");
    BOOST_TEST(models_url(with_base("https://gw.example.test/openai/v1//")) ==
               "https://gw.example.test/openai/v1/models");
    BOOST_TEST(models_url(with_base("http://127.0.0.1:8080")) == "http://127.0.0.1:8080/models");
    BOOST_TEST(models_url(with_base("HTTPS://[::1]:8443/v1/")) == "https://[::1]:8443/v1/models");
    BOOST_TEST(models_url(with_base("not a URL")).empty());  // what cannot be read is never sent
}

HttpResponse response_with(long status, HeaderList headers = {}) {
    HttpResponse response;
    response.status = status;
    response.headers = std::move(headers);
    return response;
}

BOOST_AUTO_TEST_CASE(only_server_errors_lost_connections_and_rate_limits_are_retried) {
    BOOST_TEST(retry_wait_for(response_with(503), Reason::server_error).has_value());
    BOOST_TEST(retry_wait_for(response_with(429), Reason::rate_limited).has_value());
    BOOST_TEST(retry_wait_for(HttpResponse{}, Reason::connection_lost).has_value());
    for (const Reason final_reason : {Reason::ok,
                                      Reason::invalid_api_key,
                                      Reason::account_deactivated,
                                      Reason::missing_scope,
                                      Reason::region_not_supported,
                                      Reason::ip_not_allowed,
                                      Reason::insufficient_quota,
                                      Reason::not_found,
                                      Reason::unexpected_response,
                                      Reason::redirect,
                                      Reason::too_large,
                                      Reason::timeout,
                                      Reason::dns,
                                      Reason::connect,
                                      Reason::proxy,
                                      Reason::tls_certificate,
                                      Reason::tls,
                                      Reason::ca_bundle,
                                      Reason::cancelled,
                                      Reason::insecure_endpoint,
                                      Reason::invalid_setting}) {
        BOOST_TEST(!retry_wait_for(response_with(429, {{"retry-after", "1"}}), final_reason).has_value(),
                   to_string(final_reason));
    }
}

// Milliseconds before the retry, or -1 for none: printable when a check fails.
long long retry_wait_ms(long status, HeaderList headers, Reason reason) {
    const auto wait = retry_wait_for(response_with(status, std::move(headers)), reason);
    return wait ? wait->count() : -1;
}

BOOST_AUTO_TEST_CASE(retry_waits_as_long_as_the_server_asks_up_to_five_seconds) {
    BOOST_TEST(retry_wait_ms(503, {}, Reason::server_error) == default_retry_wait.count());
    BOOST_TEST(retry_wait_ms(429, {{"retry-after", "2"}}, Reason::rate_limited) == 2000);
    BOOST_TEST(retry_wait_ms(429, {{"retry-after", " 0.25 "}}, Reason::rate_limited) == 250);
    BOOST_TEST(retry_wait_ms(429, {{"retry-after-ms", "1500"}, {"retry-after", "4"}}, Reason::rate_limited) ==
               1500);
    BOOST_TEST(retry_wait_ms(503, {{"retry-after", "5"}}, Reason::server_error) == 5000);
    BOOST_TEST(retry_wait_ms(429, {{"retry-after", "0"}}, Reason::rate_limited) == 0);
    // Longer than we wait: believed, and not retried.
    BOOST_TEST(retry_wait_ms(429, {{"retry-after", "6"}}, Reason::rate_limited) == -1);
    BOOST_TEST(retry_wait_ms(429, {{"retry-after-ms", "20000"}}, Reason::rate_limited) == -1);
    // Unreadable values count as not asked.
    BOOST_TEST(retry_wait_ms(503, {{"retry-after", "Wednesday, 21-Oct-15 07:28:00 GMT"}},
                             Reason::server_error) == default_retry_wait.count());
    BOOST_TEST(retry_wait_ms(503, {{"retry-after", "-3"}}, Reason::server_error) ==
               default_retry_wait.count());
    BOOST_TEST(retry_wait_ms(503, {{"retry-after", "1e999"}}, Reason::server_error) ==
               default_retry_wait.count());
    // More than a day is garbage, not a wait: ignored like any unreadable value.
    BOOST_TEST(retry_wait_ms(503, {{"retry-after", "86401"}}, Reason::server_error) ==
               default_retry_wait.count());
    BOOST_TEST(retry_wait_ms(503, {{"retry-after-ms", "-5"}}, Reason::server_error) ==
               default_retry_wait.count());
    BOOST_TEST(retry_wait_ms(429, {{"retry-after", "86400"}}, Reason::rate_limited) == -1);
}

BOOST_AUTO_TEST_CASE(retry_after_as_an_http_date_counts_from_the_servers_date) {
    const HeaderList dated{{"date", "Wed, 21 Oct 2015 07:28:00 GMT"}};
    auto with = [&](std::string retry_after) {
        HeaderList headers = dated;
        headers.emplace_back("retry-after", std::move(retry_after));
        return headers;
    };
    BOOST_TEST(retry_wait_ms(429, with("Wed, 21 Oct 2015 07:28:03 GMT"), Reason::rate_limited) == 3000);
    BOOST_TEST(retry_wait_ms(503, with("Wed, 21 Oct 2015 07:27:00 GMT"), Reason::server_error) == 0);  // past
    BOOST_TEST(retry_wait_ms(429, with("Wed, 21 Oct 2015 07:29:00 GMT"), Reason::rate_limited) ==
               -1);  // > 5 s
    // More than a day away: garbage, so not asked at all.
    BOOST_TEST(retry_wait_ms(429, with("Fri, 31 Dec 9999 23:59:59 GMT"), Reason::rate_limited) ==
               default_retry_wait.count());
}

BOOST_AUTO_TEST_CASE(retry_after_as_an_http_date_without_a_date_header_counts_from_the_local_clock) {
    const std::time_t in_three_seconds = std::time(nullptr) + 3;
    std::tm utc{};
    ::gmtime_r(&in_three_seconds, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);  // the C locale: English names
    const long long wait = retry_wait_ms(429, {{"retry-after", text}}, Reason::rate_limited);
    BOOST_TEST(wait > 0);  // a whole second boundary may pass between here and there
    BOOST_TEST(wait <= 3000);
}

BOOST_DATA_TEST_CASE(http_dates_that_are_not_imf_fixdate_are_unreadable,
                     boost::unit_test::data::make({
                         "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
                         "Sun Nov  6 08:49:37 1994",        // asctime
                         "Sun, 06 Nov 1994 08:49:37 UTC",
                         "Sun, 31 Feb 1994 08:49:37 GMT",
                         "Sun, 06 Nov 1994 24:49:37 GMT",
                         "Sun, 06 Nox 1994 08:49:37 GMT",
                         "Sun, -6 Nov 1994 08:49:37 GMT",
                         "",
                     }),
                     text) {
    BOOST_TEST(!keywizard::net::parse_http_date(text).has_value());
}

BOOST_AUTO_TEST_CASE(an_imf_fixdate_is_read_to_the_second) {
    using namespace std::chrono;
    const auto parsed = keywizard::net::parse_http_date(" Sun, 06 Nov 1994 08:49:37 GMT ");
    BOOST_REQUIRE(parsed.has_value());
    BOOST_TEST(parsed->time_since_epoch().count() == 784111777);  // date -u -d '1994-11-06 08:49:37' +%s
}

KeyCheckRequest request_for(std::string raw_key, Endpoint endpoint = {}) {
    KeyCheckRequest request;
    request.raw_key = std::move(raw_key);
    request.endpoint = std::move(endpoint);
    return request;
}

// These refusals carry attempts == 0: check_key returned before calling http_get. (The loopback server in
// models_check_tests additionally proves that nothing reaches the network.)
BOOST_AUTO_TEST_CASE(a_malformed_key_is_rejected_without_a_request) {
    const auto outcome = check_key(request_for(" \"Bearer sk-proj-kw\xE2\x80\x8Btest0123kwtest4567\" "));
    BOOST_TEST(to_string(outcome.reason) == "malformed_key");
    BOOST_TEST(to_string(outcome.status) == "rejected");
    BOOST_TEST(outcome.exit_code() == 2);
    BOOST_TEST(outcome.attempts == 0);
    BOOST_TEST(outcome.message.find("zero-width space (U+200B) at position 11") != std::string::npos,
               outcome.message);
    BOOST_TEST(outcome.remedy_url == "https://platform.openai.com/api-keys");
    BOOST_TEST(outcome.masked_key == "\xE2\x80\xA6");
    BOOST_TEST(outcome.notes.size() == 2u);  // quotes and Bearer were removed
}

BOOST_AUTO_TEST_CASE(an_admin_key_is_refused_without_a_request) {
    const auto outcome = check_key(request_for("sk-admin-kwtest0123kwtest4567kwtest89ABkwtestCDEF"));
    BOOST_TEST(to_string(outcome.reason) == "admin_key");
    BOOST_TEST(to_string(outcome.status) == "rejected");
    BOOST_TEST(outcome.attempts == 0);
    BOOST_TEST(outcome.masked_key ==
               "sk-admin-\xE2\x80\xA6"
               "CDEF");
    BOOST_TEST(outcome.message.find("kwtest0123") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(plain_http_to_another_host_is_refused_without_a_request) {
    const auto outcome =
        check_key(request_for("Bearer " + project_key, with_base("http://api.openai.com/v1")));
    BOOST_TEST(to_string(outcome.reason) == "insecure_endpoint");
    BOOST_TEST(to_string(outcome.status) == "unverified");
    BOOST_TEST(outcome.attempts == 0);
    BOOST_TEST(outcome.masked_key ==
               "sk-proj-\xE2\x80\xA6"
               "CDEF");
    BOOST_TEST_REQUIRE(outcome.notes.size() == 1u);
    BOOST_TEST(outcome.notes[0].find("Bearer") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unusable_setting_is_refused_without_a_request) {
    const auto outcome = check_key(request_for(project_key, with_org("org-kwtest\r\nX-Injected: 1")));
    BOOST_TEST(to_string(outcome.reason) == "invalid_setting");
    BOOST_TEST(outcome.exit_code() == 4);
    BOOST_TEST(outcome.attempts == 0);
    BOOST_TEST(outcome.message.find("organization ID") != std::string::npos, outcome.message);
}

BOOST_AUTO_TEST_CASE(a_check_cancelled_before_it_starts_sends_nothing) {
    auto request = request_for(project_key);
    request.cancel = std::make_shared<CancelToken>();
    request.cancel->cancel();
    const auto outcome = check_key(request);
    BOOST_TEST(to_string(outcome.reason) == "cancelled");
    BOOST_TEST(outcome.attempts == 0);
}

BOOST_AUTO_TEST_SUITE_END()
