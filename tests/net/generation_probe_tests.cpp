// The opt-in generation probe: its classification (a table, no I/O) and check_key with `generate` against a
// loopback TLS stand-in of the API: each outcome, what was sent, and that nothing is sent unless asked for.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "net/generation_probe.h"
#include "net/json.h"
#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"

using namespace std::chrono_literals;
using namespace keywizard::net;
using namespace keywizard::test;
namespace bdata = boost::unit_test::data;

namespace {

// What the API sends, as quoted in docs/generation_probe.md.
const std::string chat_completion =
    R"({"id":"chatcmpl-kwtest","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini-2024-07-18",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"OK","refusal":null},"logprobs":null,)"
    R"("finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}})";
const std::string unsupported_parameter =
    R"({"error":{"message":"Unsupported parameter: 'max_completion_tokens' is not supported with this model.",)"
    R"("type":"invalid_request_error","param":"max_completion_tokens","code":"unsupported_parameter"}})";
const std::string missing_model_request =
    "You have insufficient permissions for this operation. Missing scopes: model.request. Check that you "
    "have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if "
    "you're using a restricted API key, that it has the necessary scopes.";
const std::string quota =
    "You exceeded your current quota, please check your plan and billing details. For more information on "
    "this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.";

const AnswerCase probe_cases[] = {
    {"200 chat completion", 200, chat_completion, {}, KeyStatus::valid, Reason::ok},
    {"400 unsupported parameter: only after authorisation",
     400,
     unsupported_parameter,
     {},
     KeyStatus::valid,
     Reason::ok},
    {"401 Missing scopes: model.request (a read-only key)",
     401,
     api_error(missing_model_request, "invalid_request_error", ""),
     {},
     KeyStatus::limited,
     Reason::missing_scope},
    {"403 Missing scopes",
     403,
     api_error(missing_model_request, "invalid_request_error", "missing_scope"),
     {},
     KeyStatus::limited,
     Reason::missing_scope},
    {"429 insufficient_quota",
     429,
     api_error(quota, "insufficient_quota", "insufficient_quota"),
     {},
     KeyStatus::limited,
     Reason::insufficient_quota},
    {"403 project without access to the model",
     403,
     api_error("Project `proj_kwtest` does not have access to model `gpt-4o-mini`", "invalid_request_error",
               "model_not_found"),
     {},
     KeyStatus::limited,
     Reason::model_not_allowed},
    {"404 model_not_found",
     404,
     api_error("The model `gpt-4o-mini` does not exist or you do not have access to it.",
               "invalid_request_error", "model_not_found"),
     {},
     KeyStatus::limited,
     Reason::model_not_allowed},
    {"404 without a model error: no such endpoint",
     404,
     api_error("Invalid URL (POST /v1/chat/completions)", "invalid_request_error", ""),
     {},
     KeyStatus::unverified,
     Reason::not_found},
    {"429 rate limit",
     429,
     api_error("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
     {{"retry-after", "0"}},
     KeyStatus::unverified,
     Reason::rate_limited},
    {"500 server error",
     500,
     api_error("The server had an error while processing your request. Sorry about that!", "server_error",
               ""),
     {},
     KeyStatus::unverified,
     Reason::server_error},
    {"503 overloaded",
     503,
     api_error("The server is overloaded or not ready yet.", "service_unavailable_error",
               "server_is_overloaded"),
     {{"retry-after", "0"}},
     KeyStatus::unverified,
     Reason::server_error},
    {"200 that is not a chat completion",
     200,
     R"({"object":"list","data":[]})",
     {},
     KeyStatus::unverified,
     Reason::unexpected_response},
    {"200 with an HTML page",
     200,
     "<html><body>Log in to the Wi-Fi</body></html>",
     {},
     KeyStatus::unverified,
     Reason::unexpected_response},
    {"400 that is not the API's",
     400,
     "<html>Bad Request</html>",
     {},
     KeyStatus::unverified,
     Reason::unexpected_response},
};

// GET /models answers with the list; POST /chat/completions with `probe`.
keywizard::test::Handler api_with_probe(Reply probe) {
    return [probe = std::move(probe)](const RecordedRequest& request, std::size_t) {
        if (request.method == "POST") {
            return probe;
        }
        return models_list();
    };
}

KeyCheckRequest generating(KeyCheckRequest request) {
    request.generate = true;
    return request;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(generation_probe_tests)

BOOST_DATA_TEST_CASE(classification_of_one_answer, bdata::make(probe_cases), row) {
    HttpResponse response;
    response.status = row.http_status;
    response.body = row.body;
    response.headers = row.headers;
    const auto result = keywizard::net::classify_generation_response(response, "gpt-4o-mini");
    BOOST_TEST(result.checked);
    BOOST_TEST(result.model == "gpt-4o-mini");
    BOOST_TEST(to_string(result.status) == to_string(row.status));
    BOOST_TEST(to_string(result.reason) == to_string(row.reason));
    BOOST_TEST(!result.message.empty());
}

BOOST_AUTO_TEST_CASE(transport_failures_are_unverified_with_their_usual_reasons) {
    for (const auto& [error, reason] :
         std::vector<std::pair<Reason, Reason>>{{Reason::timeout, Reason::timeout},
                                                {Reason::connection_lost, Reason::connection_lost},
                                                {Reason::tls_certificate, Reason::tls_certificate},
                                                {Reason::cancelled, Reason::cancelled}}) {
        HttpResponse response;
        response.error = error;
        const auto result = keywizard::net::classify_generation_response(response, "gpt-4o-mini");
        BOOST_TEST(to_string(result.status) == "unverified");
        BOOST_TEST(to_string(result.reason) == to_string(reason));
    }
}

BOOST_AUTO_TEST_CASE(messages_name_the_fix) {
    HttpResponse read_only;
    read_only.status = 401;
    read_only.body = api_error(missing_model_request, "invalid_request_error", "");
    const auto scope = keywizard::net::classify_generation_response(read_only, "gpt-4o-mini");
    BOOST_TEST(scope.message.find("cannot write text") != std::string::npos);
    BOOST_TEST(scope.message.find("Model capabilities: Request") != std::string::npos);
    BOOST_TEST(scope.remedy_url == "https://platform.openai.com/api-keys");

    HttpResponse no_credit;
    no_credit.status = 429;
    no_credit.body = api_error(quota, "insufficient_quota", "insufficient_quota");
    BOOST_TEST(keywizard::net::classify_generation_response(no_credit, "gpt-4o-mini").remedy_url ==
               "https://platform.openai.com/settings/organization/billing");

    HttpResponse locked;
    locked.status = 403;
    locked.body = api_error("Project `proj_kwtest` does not have access to model `gpt-4.1-nano`",
                            "invalid_request_error", "model_not_found");
    const auto model = keywizard::net::classify_generation_response(locked, "gpt-4.1-nano");
    BOOST_TEST(model.message.find("gpt-4.1-nano") != std::string::npos);
    BOOST_TEST(!model.remedy_url.empty());
}

BOOST_AUTO_TEST_CASE(the_model_is_the_configured_one_else_the_cheapest_listed) {
    using keywizard::net::choose_probe_model;
    BOOST_TEST(choose_probe_model("gpt-4o", {"gpt-4o-mini"}).value_or("") == "gpt-4o");
    BOOST_TEST(choose_probe_model("", {"gpt-4o", "gpt-4o-mini", "gpt-4.1-nano"}).value_or("") ==
               "gpt-4.1-nano");
    BOOST_TEST(choose_probe_model("", {"gpt-4o", "gpt-4o-mini"}).value_or("") == "gpt-4o-mini");
    BOOST_TEST(!choose_probe_model("", {"text-embedding-3-small", "whisper-1"}));
}

BOOST_FIXTURE_TEST_CASE(every_outcome_end_to_end, ApiFixture) {
    for (const AnswerCase& row : probe_cases) {
        BOOST_TEST_CONTEXT(row.name) {
            LoopbackServer server(api_with_probe(Reply::json(row.http_status, row.body, row.headers)));
            const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
            CHECK_OUTCOME(outcome, row.status, row.reason);
            BOOST_TEST(outcome.generation.checked);
            BOOST_TEST(to_string(outcome.generation.reason) == to_string(row.reason));
            BOOST_TEST(outcome.generation.model == "gpt-4o-mini");
            // Never retried, whatever the answer (also on quota, rate limit and 5xx): GET, then one POST.
            const auto requests = server.requests();
            BOOST_TEST_REQUIRE(requests.size() == 2u);
            BOOST_TEST(requests[0].method == "GET");
            BOOST_TEST(requests[1].method == "POST");
            BOOST_TEST(requests[1].target == "/v1/chat/completions");
            BOOST_TEST(outcome.message.find(valid_key) == std::string::npos);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_connection_reset_during_the_probe_is_unverified, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::reset_after("{\"id\":", 200)));
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    BOOST_TEST(to_string(outcome.status) == "unverified");
    BOOST_TEST(outcome.generation.checked);
    BOOST_TEST(server.request_count() == 2u);
}

BOOST_FIXTURE_TEST_CASE(success_says_it_can_write_text, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(200, chat_completion, {{"x-request-id", "req_probe"}})));
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(outcome.message.find("can write text") != std::string::npos);
    BOOST_TEST(outcome.generation.request_id == "req_probe");
    for (const std::string& note : outcome.notes) {
        BOOST_TEST(note.find("nor permission to generate") == std::string::npos, note);
    }
}

BOOST_FIXTURE_TEST_CASE(without_the_flag_no_post_is_sent, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(200, chat_completion)));
    const KeyCheckOutcome outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(!outcome.generation.checked);
    const auto requests = server.requests();
    BOOST_TEST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].method == "GET");
}

BOOST_FIXTURE_TEST_CASE(no_probe_after_a_failed_models_check, ApiFixture) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) {
        return Reply::json(401, api_error("Incorrect API key provided: sk-proj-********cdef.",
                                          "invalid_request_error", "invalid_api_key"));
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    CHECK_OUTCOME(outcome, KeyStatus::rejected, Reason::invalid_api_key);
    BOOST_TEST(!outcome.generation.checked);
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_FIXTURE_TEST_CASE(the_request_is_tiny_and_capped, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(200, chat_completion)));
    (void)keywizard::net::check_key(generating(check_of(server)));
    const auto requests = server.requests();
    BOOST_TEST_REQUIRE(requests.size() == 2u);
    const RecordedRequest& post = requests[1];
    BOOST_TEST(post.header("content-type").value_or("") == "application/json");
    BOOST_TEST(post.header("authorization").value_or("") == "Bearer " + valid_key);
    const auto body = keywizard::net::parse_untrusted_json(post.body);
    BOOST_TEST_REQUIRE(body.is_object(), post.body);
    BOOST_TEST(body["model"].get<std::string>() == "gpt-4o-mini");
    BOOST_TEST_REQUIRE(body["max_completion_tokens"].is_number_integer());
    BOOST_TEST(body["max_completion_tokens"].get<int>() <= 16);
    BOOST_TEST(body["messages"].size() == 1u);
    BOOST_TEST(body["messages"][0]["content"].get<std::string>().size() <= 8u);
    BOOST_TEST(!body.contains("stream"));
}

BOOST_FIXTURE_TEST_CASE(the_configured_model_is_asked_even_when_not_listed, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(
        404, api_error("The model `gpt-app-model` does not exist or you do not have access to it.",
                       "invalid_request_error", "model_not_found"))));
    KeyCheckRequest request = generating(check_of(server));
    request.probe_model = "gpt-app-model";
    const KeyCheckOutcome outcome = keywizard::net::check_key(request);
    CHECK_OUTCOME(outcome, KeyStatus::limited, Reason::model_not_allowed);
    BOOST_TEST(outcome.message.find("gpt-app-model") != std::string::npos);
    BOOST_TEST_REQUIRE(server.request_count() == 2u);
    BOOST_TEST(keywizard::net::parse_untrusted_json(server.requests()[1].body)["model"].get<std::string>() ==
               "gpt-app-model");
}

BOOST_FIXTURE_TEST_CASE(no_suitable_model_listed_means_no_post, ApiFixture) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) {
        return Reply::json(200, R"({"object":"list","data":[{"id":"whisper-1","object":"model"}]})");
    });
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(!outcome.generation.checked);
    BOOST_TEST(!outcome.generation.message.empty());
    BOOST_TEST(server.request_count() == 1u);
}

BOOST_FIXTURE_TEST_CASE(an_echoed_key_never_reaches_the_outcome, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(
        401, api_error("Missing scopes: model.request for " + valid_key, "invalid_request_error", ""))));
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    CHECK_OUTCOME(outcome, KeyStatus::limited, Reason::missing_scope);
    for (const std::string* text :
         {&outcome.message, &outcome.detail, &outcome.generation.detail, &outcome.generation.message}) {
        BOOST_TEST(text->find(valid_key) == std::string::npos, *text);
    }
}

BOOST_FIXTURE_TEST_CASE(the_probe_alone_after_an_earlier_check, ApiFixture) {
    LoopbackServer server(
        api_with_probe(Reply::json(401, api_error(missing_model_request, "invalid_request_error", ""))));
    const KeyCheckRequest request = check_of(server);
    const KeyCheckOutcome models = keywizard::net::check_key(request);
    CHECK_OUTCOME(models, KeyStatus::valid, Reason::ok);
    const KeyCheckOutcome combined = keywizard::net::check_generation(request, models);
    CHECK_OUTCOME(combined, KeyStatus::limited, Reason::missing_scope);
    BOOST_TEST(combined.model_count == models.model_count);
    BOOST_TEST(server.request_count() == 2u);  // the models list is not asked again
}

BOOST_FIXTURE_TEST_CASE(the_probe_goes_over_the_models_checks_connection, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(200, chat_completion)));
    server.keep_connections_open();  // as the real API does
    const KeyCheckOutcome outcome = keywizard::net::check_key(generating(check_of(server)));
    CHECK_OUTCOME(outcome, KeyStatus::valid, Reason::ok);
    BOOST_TEST(outcome.generation.checked);
    BOOST_TEST(server.request_count() == 2u);
    BOOST_TEST(server.connection_count() == 1u);  // one TLS handshake for both requests
    BOOST_TEST(server.failed_handshake_count() == 0u);
}

BOOST_FIXTURE_TEST_CASE(the_probe_alone_opens_its_own_connection, ApiFixture) {
    LoopbackServer server(api_with_probe(Reply::json(200, chat_completion)));
    server.keep_connections_open();
    const KeyCheckRequest request = check_of(server);
    const KeyCheckOutcome models = keywizard::net::check_key(request);
    const KeyCheckOutcome probed = keywizard::net::check_generation(generating(request), models);
    CHECK_OUTCOME(probed, KeyStatus::valid, Reason::ok);
    BOOST_TEST(probed.generation.checked);
    BOOST_TEST(server.connection_count() == 2u);  // each check ends its session and its connection
}

BOOST_AUTO_TEST_SUITE_END()
