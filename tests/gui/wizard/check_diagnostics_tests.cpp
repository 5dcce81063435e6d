// The "Copy diagnostics" report: what support needs, never the key or a proxy password.
#include <boost/test/unit_test.hpp>

#include "wizard/widgets/check_diagnostics.h"

using keywizard::net::Endpoint;
using keywizard::net::KeyCheckOutcome;
using keywizard::ui::diagnostics_report;
using keywizard::ui::timings_summary;

BOOST_AUTO_TEST_SUITE(check_diagnostics_tests)

BOOST_AUTO_TEST_CASE(report_names_status_reason_request_and_endpoint) {
    KeyCheckOutcome outcome;
    outcome.status = keywizard::net::KeyStatus::rejected;
    outcome.reason = keywizard::net::Reason::invalid_api_key;
    outcome.http_status = 401;
    outcome.request_id = "req_kwtest";
    outcome.masked_key = "sk-proj-…GHIJ";
    outcome.timings.total_ms = 12.4;
    Endpoint endpoint;
    endpoint.proxy = "http://user:secret@proxy.example:3128";
    const auto report = diagnostics_report(outcome, endpoint, "1.2.3", "2026-11-26T19:37:48Z");
    BOOST_TEST(report.find("keywizard 1.2.3") != std::string::npos, report);
    BOOST_TEST(report.find("Status: rejected (invalid_api_key)") != std::string::npos, report);
    BOOST_TEST(report.find("HTTP status: 401") != std::string::npos, report);
    BOOST_TEST(report.find("req_kwtest") != std::string::npos, report);
    BOOST_TEST(report.find("sk-proj-…GHIJ") != std::string::npos, report);
    BOOST_TEST(report.find("https://api.openai.com/v1") != std::string::npos, report);
    BOOST_TEST(report.find("secret") == std::string::npos, report);
    BOOST_TEST(report.find("total 12 ms") != std::string::npos, report);
}

BOOST_AUTO_TEST_CASE(timings_list_only_measured_phases) {
    keywizard::net::TransferTimings timings;
    BOOST_TEST(timings_summary(timings) == "not measured");
    timings.connect_ms = 2.6;
    timings.total_ms = 40;
    BOOST_TEST(timings_summary(timings) == "connect 3 ms · total 40 ms");
}

BOOST_AUTO_TEST_SUITE_END()
