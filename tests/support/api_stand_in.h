#pragma once

// A loopback stand-in of the OpenAI API for check_key tests: bodies and headers shaped like the real API's
// (see shared/OPENAI_API.md), a fixture that isolates the test from the caller's proxy settings, and a
// check that prints outcome names. Header-only: only test executables that link keywizard_net include it.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "net/models_check.h"
#include "tests/support/loopback_server.h"
#include "tests/support/scoped_environment.h"
#include "tests/support/test_keys.h"
#include "tests/support/test_pki.h"

namespace keywizard::test {

using namespace std::chrono_literals;

inline const std::string models_body =
    R"({"object":"list","data":[)"
    R"({"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
    R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system","shutdown_date":null},)"
    R"({"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"}]})";

// 200 with three models and the headers the API sends.
inline Reply models_list() {
    return Reply::json(200, models_body,
                       {{"x-request-id", "req_kwtest0123"},
                        {"openai-organization", "user-kwtest"},
                        {"openai-project", "proj_kwtest"},
                        {"openai-version", "2020-10-01"}});
}

// {"error":{"message":...,"type":...,"param":null,"code":...}}; an empty code is sent as null.
inline std::string api_error(const std::string& message, const std::string& type, const std::string& code) {
    return R"({"error":{"message":")" + message + R"(","type":")" + type + R"(","param":null,"code":)" +
           (code.empty() ? std::string("null") : "\"" + code + "\"") + "}}";
}

// A row of a data-driven check_key test: what the stand-in answers, and the outcome that must follow.
struct AnswerCase {
    const char* name;
    int http_status;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    net::KeyStatus status;
    net::Reason reason;
};

inline std::ostream& operator<<(std::ostream& out, const AnswerCase& c) {
    return out << c.name;
}

struct ApiFixture {
    ScopedEnvironment environment;

    ApiFixture() {
        net::init_http_globally();
        environment.unset_proxy_variables();  // the caller's proxy settings must not change the results
    }

    static net::KeyCheckRequest check_of(const LoopbackServer& server, const std::string& key = valid_key) {
        net::KeyCheckRequest request;
        request.raw_key = key;
        request.endpoint.base_url = server.base_url() + "/v1";
        request.endpoint.ca_file = TestPki::instance().ca_file();
        request.endpoint.timeout = 10s;
        return request;
    }
};

}  // namespace keywizard::test

// Outcomes compare as names so a failure prints "rate_limited != server_error", not numbers. The expression
// is evaluated once: it is usually a whole check_key call.
#define CHECK_OUTCOME(expression, expected_status, expected_reason)                          \
    do {                                                                                     \
        const ::keywizard::net::KeyCheckOutcome& checked = (expression);                     \
        BOOST_TEST(to_string(checked.status) == to_string(expected_status), checked.detail); \
        BOOST_TEST(to_string(checked.reason) == to_string(expected_reason), checked.detail); \
    } while (false)
