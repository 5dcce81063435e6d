// check_key end to end when the path to the API fails: each transport failure becomes its own unverified
// reason, within the configured bounds, and the key is not sent where it must not be.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/connect_proxy.h"
#include "tests/support/loopback_server.h"
#include "tests/support/socket_io.h"
#include "tests/support/test_pki.h"

using namespace std::chrono_literals;
using namespace keywizard::net;
using namespace keywizard::test;
using Clock = std::chrono::steady_clock;

BOOST_FIXTURE_TEST_SUITE(models_check_transport_tests, ApiFixture)

BOOST_AUTO_TEST_CASE(a_50_mb_body_is_too_large_and_not_retried) {
    LoopbackServer server(
        [](const RecordedRequest&, std::size_t) { return Reply::chunked(50u * 1024 * 1024); });
    CHECK_OUTCOME(keywizard::net::check_key(check_of(server)), KeyStatus::unverified, Reason::too_large);
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(a_truncated_or_reset_body_is_a_lost_connection_after_one_retry) {
    LoopbackServer truncated([](const RecordedRequest&, std::size_t) {
        return Reply::truncated(models_body.substr(0, 40), 4000);
    });
    CHECK_OUTCOME(keywizard::net::check_key(check_of(truncated)), KeyStatus::unverified,
                  Reason::connection_lost);
    BOOST_TEST(truncated.request_count() == 2u);

    LoopbackServer reset([](const RecordedRequest&, std::size_t) {
        return Reply::reset_after(models_body.substr(0, 40), 4000);
    });
    CHECK_OUTCOME(keywizard::net::check_key(check_of(reset)), KeyStatus::unverified, Reason::connection_lost);
    BOOST_TEST(reset.request_count() == 2u);
}

BOOST_DATA_TEST_CASE_F(ApiFixture, a_dripping_or_silent_server_times_out_within_the_configured_bound,
                       boost::unit_test::data::make({"drip", "silence"}), kind) {
    LoopbackServer server([&](const RecordedRequest&, std::size_t) {
        return std::string(kind) == "drip" ? Reply::drip(200ms) : Reply::silence();
    });
    auto request = check_of(server);
    request.endpoint.timeout = 2s;
    const auto start = Clock::now();
    const KeyCheckOutcome outcome = keywizard::net::check_key(request);
    const auto took = Clock::now() - start;
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::timeout);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 3500);
}

BOOST_AUTO_TEST_CASE(cancelling_from_another_thread_ends_the_check_within_1500_ms) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return Reply::silence(); });
    auto request = check_of(server);
    request.endpoint.timeout = 30s;
    request.cancel = std::make_shared<keywizard::net::CancelToken>();
    Clock::time_point cancelled_at{};
    std::thread canceller([&] {
        if (server.wait_for_requests(1, 10s)) {
            cancelled_at = Clock::now();
            request.cancel->cancel();
        }
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(request);
    const auto ended_at = Clock::now();
    canceller.join();
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::cancelled);
    BOOST_REQUIRE(cancelled_at.time_since_epoch().count() != 0);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(ended_at - cancelled_at).count() < 1500);
}

BOOST_DATA_TEST_CASE_F(ApiFixture, an_untrusted_certificate_is_a_certificate_failure_and_the_key_is_not_sent,
                       boost::unit_test::data::make({ServerIdentity::untrusted_ca, ServerIdentity::wrong_host,
                                                     ServerIdentity::expired}),
                       identity) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); }, identity);
    auto request = check_of(server);
    request.endpoint.base_url = server.base_url("localhost") + "/v1";
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::tls_certificate);
    BOOST_TEST(server.request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(a_server_that_does_not_speak_tls_is_a_tls_failure) {
    LoopbackServer plain([](const RecordedRequest&, std::size_t) { return models_list(); }, std::nullopt);
    auto request = check_of(plain);
    request.endpoint.base_url = "https://127.0.0.1:" + std::to_string(plain.port()) + "/v1";
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::tls);
    BOOST_TEST(plain.request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(a_missing_ca_file_is_a_ca_bundle_failure) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.endpoint.ca_file = TestPki::instance().missing_ca_file();
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::ca_bundle);
}

BOOST_AUTO_TEST_CASE(unreachable_endpoints_are_connect_dns_and_insecure_failures) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.endpoint.base_url =
        "https://127.0.0.1:" + std::to_string(keywizard::test::unused_loopback_port()) + "/v1";
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::connect);

    request.endpoint.base_url = "https://nonexistent.invalid/v1";
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::dns);

    // An insecure endpoint is refused before the name is even looked up: otherwise this would be dns.
    request.endpoint.base_url = "http://nonexistent.invalid/v1";
    const KeyCheckOutcome insecure = keywizard::net::check_key(request);
    CHECK_OUTCOME(insecure, KeyStatus::unverified, Reason::insecure_endpoint);
    BOOST_TEST(insecure.attempts == 0);
}

BOOST_AUTO_TEST_CASE(https_proxy_from_the_environment_tunnels_the_check) {
    keywizard::test::ConnectProxy proxy;
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    environment.set("HTTPS_PROXY", proxy.url());
    CHECK_OUTCOME(keywizard::net::check_key(check_of(server)), KeyStatus::valid, Reason::ok);
    BOOST_TEST(proxy.connect_count() == 1u);
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(a_dead_or_authenticating_proxy_is_a_proxy_failure) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.endpoint.proxy = "http://127.0.0.1:" + std::to_string(keywizard::test::unused_loopback_port());
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::proxy);

    keywizard::test::ConnectProxy authenticating(keywizard::test::ConnectProxy::Mode::require_authentication);
    request.endpoint.proxy = authenticating.url();
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::proxy);
    BOOST_TEST(authenticating.connect_count() == 1u);
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()