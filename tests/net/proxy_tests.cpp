// Proxies: libcurl's environment rules (which we apply ourselves, see net/proxy_choice.h), tunnelling through
// a real loopback CONNECT proxy, and every way a proxy can fail.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <ostream>
#include <string>

#include "net/http_client.h"
#include "net/proxy_choice.h"
#include "tests/support/connect_proxy.h"
#include "tests/support/loopback_server.h"
#include "tests/support/scoped_environment.h"
#include "tests/support/test_keys.h"
#include "tests/support/test_pki.h"

using namespace std::chrono_literals;
using namespace keywizard::net;
using namespace keywizard::test;

namespace {

struct ProxyFixture {
    keywizard::test::ScopedEnvironment environment;
    LoopbackServer server{[](const RecordedRequest&, std::size_t) {
        return Reply::json(200, R"({"object":"list","data":[]})");
    }};

    ProxyFixture() {
        keywizard::net::init_http_globally();
        environment.unset_proxy_variables();
    }

    HttpRequest request(const std::string& host = "127.0.0.1") const {
        HttpRequest request;
        request.url = server.base_url(host) + "/v1/models";
        request.ca_file = keywizard::test::TestPki::instance().ca_file();
        request.headers = {{"Authorization", "Bearer " + valid_key}};
        request.connect_timeout = 5s;
        request.total_timeout = 10s;
        return request;
    }
    std::string target() const { return "127.0.0.1:" + std::to_string(server.port()); }
};

struct NoProxyCase {
    std::string host;
    std::string no_proxy;
    bool bypass;
};
std::ostream& operator<<(std::ostream& out, const NoProxyCase& c) {
    return out << "host '" << c.host << "' no_proxy '" << c.no_proxy << "'";
}

const NoProxyCase no_proxy_cases[] = {
    {"api.openai.com", "", false},
    {"api.openai.com", "*", true},
    {"api.openai.com", "openai.com", true},
    {"api.openai.com", ".openai.com", true},
    {"api.openai.com", "OPENAI.COM.", true},
    {"openai.com", ".openai.com", true},
    {"api.openai.com", "notopenai.com,example.org", false},
    {"api.notopenai.com", "openai.com", false},
    {"api.openai.com", "example.org, openai.com", true},
    {"api.openai.com", "example.org openai.com", true},
    {"api.openai.com.", "api.openai.com", true},
    {"api.openai.com", "*.openai.com", false},  // no wildcards but a lone "*"
    {"127.0.0.1", "127.0.0.1", true},
    {"127.0.0.1", "127.0.0.0/8", true},
    {"127.0.0.1", "10.0.0.0/8", false},
    {"127.0.0.1", "localhost", false},  // names are not resolved to match
    {"localhost", "localhost", true},
    {"10.1.2.3", "10.1.0.0/16", true},
    {"::1", "::1", true},
    {"[::1]", "::1/128", true},
    {"fd00::5", "fd00::/8", true},
    {"::1", "127.0.0.1", false},
};

struct FakeEnvironment {
    std::map<std::string, std::string> variables;
    keywizard::net::EnvironmentLookup lookup() const {
        return [this](const char* name) -> const char* {
            const auto found = variables.find(name);
            return found == variables.end() ? nullptr : found->second.c_str();
        };
    }
};

}  // namespace

namespace keywizard::net {
inline std::ostream& operator<<(std::ostream& out, Reason reason) {
    return out << to_string(reason);
}
}  // namespace keywizard::net

BOOST_AUTO_TEST_SUITE(proxy_tests)

BOOST_DATA_TEST_CASE(no_proxy_follows_libcurls_rules, boost::unit_test::data::make(no_proxy_cases), sample) {
    BOOST_TEST(keywizard::net::no_proxy_matches(sample.host, sample.no_proxy) == sample.bypass);
}

BOOST_AUTO_TEST_CASE(the_proxy_option_wins_and_the_environment_follows_libcurls_order) {
    using keywizard::net::choose_proxy;
    FakeEnvironment env{{{"https_proxy", "http://lower:1"},
                         {"HTTPS_PROXY", "http://upper:2"},
                         {"ALL_PROXY", "http://all:3"},
                         {"HTTP_PROXY", "http://cgi-injected:4"}}};
    BOOST_TEST(choose_proxy("https", "api.openai.com", "http://option:5", env.lookup()).url ==
               "http://option:5");
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).url == "http://lower:1");
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).source == "https_proxy");
    env.variables["https_proxy"] = "";  // empty counts as unset, as in libcurl
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).url == "http://upper:2");
    env.variables.erase("HTTPS_PROXY");
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).url == "http://all:3");
    // Upper-case HTTP_PROXY is never read: CGI scripts get it from a request header ("httpoxy").
    BOOST_TEST(choose_proxy("http", "example.org", "", env.lookup()).url == "http://all:3");
    env.variables["NO_PROXY"] = "openai.com";
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).url.empty());
    BOOST_TEST(choose_proxy("https", "api.openai.com", "http://option:5", env.lookup()).url.empty());
    env.variables["no_proxy"] = "example.org";  // the lower-case one is read first
    BOOST_TEST(choose_proxy("https", "api.openai.com", "", env.lookup()).url == "http://all:3");
}

BOOST_FIXTURE_TEST_CASE(tunnels_https_through_the_proxy_option, ProxyFixture) {
    ConnectProxy proxy;
    auto request = this->request();
    request.proxy = proxy.url();
    const HttpResponse response = keywizard::net::http_get(request);

    BOOST_TEST(response.error == Reason::ok, response.error_detail);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.via_proxy);
    BOOST_TEST(proxy.connect_targets() == std::vector<std::string>{target()},
               boost::test_tools::per_element());
    BOOST_REQUIRE(server.wait_for_requests(1, 10s));
    BOOST_TEST(server.requests().at(0).header_values("Authorization").size() == 1u);
    BOOST_TEST(server.requests().at(0).header_values("Proxy-Authorization").empty());
}

BOOST_DATA_TEST_CASE_F(ProxyFixture, tunnels_https_through_a_proxy_from_the_environment,
                       boost::unit_test::data::make({"HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"}),
                       variable) {
    ConnectProxy proxy;
    environment.set(variable, proxy.url());
    const HttpResponse response = keywizard::net::http_get(request());
    BOOST_TEST(response.error == Reason::ok, response.error_detail);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(proxy.connect_count() == 1u);
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_FIXTURE_TEST_CASE(loopback_targets_use_the_proxy_unless_no_proxy_says_otherwise, ProxyFixture) {
    // libcurl 7.88 has no built-in exception for 127.0.0.1 or localhost: only no_proxy makes one.
    ConnectProxy proxy;
    environment.set("HTTPS_PROXY", proxy.url());
    BOOST_TEST(keywizard::net::http_get(request()).via_proxy);
    BOOST_TEST(proxy.connect_count() == 1u);

    environment.set("NO_PROXY", "127.0.0.1");
    const HttpResponse direct = keywizard::net::http_get(request());
    BOOST_TEST(direct.status == 200);
    BOOST_TEST(!direct.via_proxy);
    environment.set("no_proxy", "localhost");
    BOOST_TEST(keywizard::net::http_get(request("localhost")).status == 200);
    BOOST_TEST(proxy.connect_count() == 1u);
    BOOST_TEST(server.request_count() == 3u);
}

BOOST_FIXTURE_TEST_CASE(plain_http_to_loopback_never_goes_through_a_proxy, ProxyFixture) {
    ConnectProxy proxy;
    environment.set("http_proxy", proxy.url());
    environment.set("ALL_PROXY", proxy.url());
    LoopbackServer plain([](const RecordedRequest&, std::size_t) { return Reply::json(200, "{}"); },
                         std::nullopt);
    auto request = this->request();
    request.url = plain.base_url() + "/v1/models";
    request.proxy = proxy.url();
    const HttpResponse response = keywizard::net::http_get(request);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(!response.via_proxy);
    BOOST_TEST(proxy.connect_count() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_proxy_asking_for_authentication_is_a_proxy_failure, ProxyFixture) {
    ConnectProxy proxy(ConnectProxy::Mode::require_authentication);
    auto request = this->request();
    request.proxy = proxy.url();
    const HttpResponse response = keywizard::net::http_get(request);
    BOOST_TEST(response.error == Reason::proxy, response.error_detail);
    BOOST_TEST(response.error_detail.find("407") != std::string::npos, response.error_detail);
    BOOST_TEST(proxy.connect_count() == 1u);
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_proxy_where_nothing_listens_is_a_proxy_failure, ProxyFixture) {
    const std::string dead_proxy =
        "http://127.0.0.1:" + std::to_string(keywizard::test::unused_loopback_port());
    auto request = this->request();
    request.proxy = dead_proxy;
    const HttpResponse by_option = keywizard::net::http_get(request);
    BOOST_TEST(by_option.error == Reason::proxy, by_option.error_detail);

    environment.set("HTTPS_PROXY", dead_proxy);
    const HttpResponse by_environment = keywizard::net::http_get(this->request());
    BOOST_TEST(by_environment.error == Reason::proxy, by_environment.error_detail);
    BOOST_TEST(by_environment.error_detail.find("HTTPS_PROXY") != std::string::npos);
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_proxy_that_cannot_reach_the_target_is_a_proxy_failure, ProxyFixture) {
    ConnectProxy proxy;
    auto request = this->request();
    request.url =
        "https://127.0.0.1:" + std::to_string(keywizard::test::unused_loopback_port()) + "/v1/models";
    request.proxy = proxy.url();
    const HttpResponse response = keywizard::net::http_get(request);
    BOOST_TEST(response.error == Reason::proxy, response.error_detail);
}

BOOST_FIXTURE_TEST_CASE(an_unresolvable_proxy_is_a_proxy_failure, ProxyFixture) {
    auto request = this->request();
    request.proxy = "http://proxy.nonexistent.invalid:3128";
    const HttpResponse response = keywizard::net::http_get(request);
    BOOST_TEST(response.error == Reason::proxy, response.error_detail);
}

BOOST_FIXTURE_TEST_CASE(a_proxy_setting_with_control_characters_is_refused_before_any_io, ProxyFixture) {
    ConnectProxy proxy;
    auto request = this->request();
    request.proxy = proxy.url() + "\r\nX-Injected: 1";
    BOOST_TEST(keywizard::net::http_get(request).error == Reason::invalid_setting);
    environment.set("HTTPS_PROXY", proxy.url() + " x");
    BOOST_TEST(keywizard::net::http_get(this->request()).error == Reason::invalid_setting);
    BOOST_TEST(proxy.connect_count() == 0u);
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
