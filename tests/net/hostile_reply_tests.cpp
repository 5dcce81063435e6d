// Replies no API sends, against a real loopback TLS server: each is `unexpected_response` with a plain
// message, and absurd retry waits are ignored instead of repeated to the person.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"

using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using namespace keywizard::test;

BOOST_FIXTURE_TEST_SUITE(hostile_reply_tests, ApiFixture)

BOOST_AUTO_TEST_CASE(an_http_0_9_reply_is_an_unexpected_response_with_a_plain_message) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) {
        Reply reply = Reply::json(200, "{}");
        reply.interim = "this is not HTTP at all\r\n\r\n";  // no status line: what libcurl calls HTTP/0.9
        return reply;
    });
    const auto outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::unexpected_response);
    BOOST_TEST(outcome.message.find("not valid HTTP") != std::string::npos, outcome.message);
    BOOST_TEST(outcome.detail.find("no") != std::string::npos, outcome.detail);
    BOOST_TEST(outcome.detail == "The reply does not start with an HTTP status line.");
}

BOOST_AUTO_TEST_CASE(a_1_mb_header_line_is_an_unexpected_response_not_out_of_memory) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) {
        return Reply::json(200, "{}", {{"x-padding", std::string(1024 * 1024, 'a')}});
    });
    const auto outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::unexpected_response);
    BOOST_TEST(outcome.message.find("memory") == std::string::npos, outcome.message);
    BOOST_TEST(outcome.detail.find("memory") == std::string::npos, outcome.detail);
    BOOST_TEST(outcome.message.find("not valid HTTP") != std::string::npos, outcome.message);
    BOOST_TEST(outcome.detail == "A header line of the reply is longer than 100 KB.");
}

BOOST_DATA_TEST_CASE(an_absurd_retry_after_is_not_repeated_to_the_person,
                     boost::unit_test::data::make({"-5", "99999999", "86401", "soon", "1e999",
                                                   "Fri, 31 Dec 9999 23:59:59 GMT"}),
                     retry_after) {
    const std::string value = retry_after;
    LoopbackServer server([value](const RecordedRequest&, std::size_t) {
        return Reply::json(
            429,
            R"({"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}})",
            {{"Retry-After", value}});
    });
    const auto outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::rate_limited);
    BOOST_TEST(outcome.message.find("seconds") == std::string::npos, outcome.message);
}

BOOST_AUTO_TEST_SUITE_END()
