// Answers the real OpenAI API sent, as public bug reports recorded them (tests/fixtures/recorded/), replayed
// through the real HTTP client over TLS on 127.0.0.1: the verdict of each, and that every recorded file has
// one here.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"

using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using namespace keywizard::test;

namespace {

namespace bdata = boost::unit_test::data;

const std::filesystem::path recorded_dir = RECORDED_FIXTURES_DIR;

// One file: `#` comments, the status line, headers, a blank line, the body. Only the source comment is
// required of a comment: a recorded answer without a named source is not one.
struct RecordedAnswer {
    std::string source;
    Reply reply;
};

RecordedAnswer read_recorded(const std::string& name) {
    std::ifstream in(recorded_dir / name, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot open " << name);
    RecordedAnswer answer;
    std::string line;
    while (std::getline(in, line) && line.starts_with('#')) {
        if (line.starts_with("# source: ")) {
            answer.source = line.substr(10);
        }
    }
    std::istringstream status_line(line);
    std::string version;
    status_line >> version >> answer.reply.status;
    BOOST_TEST_REQUIRE(version == "HTTP/1.1", name << ": no status line");
    while (std::getline(in, line) && !line.empty()) {
        const auto colon = line.find(':');
        BOOST_TEST_REQUIRE(colon != std::string::npos, name << ": a header without ':'");
        answer.reply.headers.emplace_back(line.substr(0, colon),
                                          line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    std::ostringstream body;
    body << in.rdbuf();
    answer.reply.body = body.str();
    while (answer.reply.body.ends_with('\n')) {
        answer.reply.body.pop_back();
    }
    return answer;
}

struct Verdict {
    const char* file;
    KeyStatus status;
    Reason reason;
    std::string says;                   // part of the message; empty: not asserted
    std::optional<long> retry_after_s;  // asserted for every case: only rate limits have one
    std::string rate_limit;
    bool probe = false;  // the generation probe's answer: GET /models lists models first
};

std::ostream& operator<<(std::ostream& out, const Verdict& verdict) {
    return out << verdict.file;
}

const Verdict verdicts[] = {
    {"invalid_api_key.http",
     KeyStatus::rejected,
     Reason::invalid_api_key,
     "wrong, revoked or deleted",
     {},
     ""},
    {"insufficient_quota_code_null.http",
     KeyStatus::limited,
     Reason::insufficient_quota,
     "no credit",
     {},
     ""},
    {"insufficient_quota_docs_link.http",
     KeyStatus::limited,
     Reason::insufficient_quota,
     "no credit",
     {},
     ""},
    {"mismatched_organization.http",
     KeyStatus::rejected,
     Reason::mismatched_organization,
     "The organization org-kwother (from OPENAI_ORG_ID) is not the key's organization",
     {},
     ""},
    {"mismatched_project.http",
     KeyStatus::rejected,
     Reason::mismatched_project,
     "The key is right, but the project proj_kwother (from settings.json) is not the key's project",
     {},
     ""},
    {"account_deactivated_associated.http",
     KeyStatus::rejected,
     Reason::account_deactivated,
     "deactivated",
     {},
     ""},
    {"account_deactivated_code_null.http",
     KeyStatus::rejected,
     Reason::account_deactivated,
     "deactivated",
     {},
     ""},
    {"no_organization.http", KeyStatus::rejected, Reason::no_organization, "not a member", {}, ""},
    {"region_not_supported.http", KeyStatus::limited, Reason::region_not_supported, "region", {}, ""},
    {"missing_scope_model_read.http", KeyStatus::limited, Reason::missing_scope, "api.model.read", {}, ""},
    {"rate_limit_tokens.http", KeyStatus::unverified, Reason::rate_limited,
     "reached its limit of tokens per minute for now (HTTP 429). Try again in 27 seconds.", 27, "tokens"},
    {"rate_limit_requests.http", KeyStatus::unverified, Reason::rate_limited,
     "reached its limit of requests per minute for now (HTTP 429). Try again in 20 seconds.", 20, "requests"},
    {"probe_model_not_found.http",
     KeyStatus::limited,
     Reason::model_not_allowed,
     "may not use the model gpt-4o-mini",
     {},
     "",
     true},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(recorded_answers_tests)

BOOST_DATA_TEST_CASE_F(ApiFixture, each_recorded_answer_has_its_verdict_over_the_wire, bdata::make(verdicts),
                       verdict) {
    const RecordedAnswer answer = read_recorded(verdict.file);
    BOOST_TEST(!answer.source.empty(), verdict.file << " names no source");
    const bool probe = verdict.probe;
    LoopbackServer server([&](const RecordedRequest& request, std::size_t) {
        return probe && request.method != "POST" ? keywizard::test::models_list() : answer.reply;
    });
    auto request = check_of(server);
    request.generate = probe;
    // What was sent, and where it came from, as core::check_request says it.
    request.endpoint.organization = "org-kwother";
    request.endpoint.organization_from = "OPENAI_ORG_ID";
    request.endpoint.project = "proj_kwother";
    request.endpoint.project_from = "settings.json";

    const auto outcome = keywizard::net::check_key(request);
    CHECK_OUTCOME(outcome, verdict.status, verdict.reason);
    if (!verdict.says.empty()) {
        BOOST_TEST(outcome.message.find(verdict.says) != std::string::npos, outcome.message);
    }
    BOOST_TEST(outcome.retry_after_s.value_or(-1) == verdict.retry_after_s.value_or(-1));
    BOOST_TEST(outcome.rate_limit == verdict.rate_limit);
    // A wait the server says is longer than the retry rule allows is not retried: one request (two with
    // the probe).
    BOOST_TEST(server.request_count() == (probe ? 2u : 1u));
}

BOOST_AUTO_TEST_CASE(every_recorded_file_has_a_verdict) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(recorded_dir)) {
        if (entry.path().extension() == ".http") {
            files.push_back(entry.path().filename().string());
        }
    }
    BOOST_TEST(files.size() >= 13u);
    for (const std::string& file : files) {
        const bool listed = std::any_of(std::begin(verdicts), std::end(verdicts),
                                        [&](const Verdict& verdict) { return file == verdict.file; });
        BOOST_TEST(listed, file << " is recorded but no verdict is asserted for it");
    }
}

BOOST_AUTO_TEST_SUITE_END()
