// check_key: lint, endpoint rules, GET {base_url}/models with at most one retry, classification.
#include "net/models_check.h"

#include <algorithm>
#include <memory>

#include "net/check_outcome.h"
#include "net/endpoint.h"
#include "net/generation_probe.h"
#include "net/key_lint.h"
#include "net/libcurl_api.h"
#include "net/phrase.h"
#include "net/providers.h"
#include "net/retry_policy.h"
#include "net/server_text.h"

namespace keywizard::net {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds longest_connect_timeout{10'000};
// A retry is only worth starting with at least this much of the check's time left after the wait.
constexpr std::chrono::milliseconds least_time_for_a_retry{1'000};

KeyCheckOutcome refused_locally(Reason reason, std::string_view problem) {
    KeyCheckOutcome outcome;
    outcome.reason = reason;
    outcome.status = status_of(reason);
    describe_outcome(outcome, problem);
    return outcome;
}

KeyCheckOutcome cancelled_outcome(const std::vector<std::string>& required_models) {
    HttpResponse response;
    response.error = Reason::cancelled;
    return classify_models_response(response, required_models);
}

// The whole check, retry included, stays within the endpoint's timeout: the retry gets what is left.
KeyCheckOutcome ask_for_models(HttpSession& session, const std::string& key, const KeyCheckRequest& request,
                               Clock::time_point started) {
    const CancelTokenPtr cancel = request.cancel ? request.cancel : std::make_shared<CancelToken>();
    HttpRequest http = api_request(key, request, cancel);
    const Clock::time_point deadline = started + request.endpoint.timeout;
    const int max_attempts = std::max(1, request.max_attempts);

    KeyCheckOutcome outcome;
    for (int attempt = 1;; ++attempt) {
        if (cancel->cancelled()) {
            outcome = cancelled_outcome(request.required_models);
            outcome.attempts = attempt - 1;
            return outcome;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        http.total_timeout = std::max(std::chrono::milliseconds(1), left);
        http.connect_timeout = std::min(longest_connect_timeout, http.total_timeout);

        const HttpResponse response = session.get(http);
        outcome = classify_models_response(response, request.required_models);
        outcome.attempts = attempt;
        if (attempt >= max_attempts) {
            return outcome;
        }
        const auto wait = retry_wait_for(response, outcome.reason);
        if (!wait || Clock::now() + *wait + least_time_for_a_retry > deadline) {
            return outcome;
        }
        if (!cancel->wait_for(*wait)) {
            KeyCheckOutcome cancelled = cancelled_outcome(request.required_models);
            cancelled.attempts = attempt;
            return cancelled;
        }
    }
}

}  // namespace

HttpRequest api_request(const std::string& key, const KeyCheckRequest& request, CancelTokenPtr cancel) {
    const Endpoint& endpoint = request.endpoint;
    HttpRequest http;
    http.url = models_url(endpoint);
    http.headers.emplace_back("Authorization", "Bearer " + key);
    if (!endpoint.organization.empty()) {
        http.headers.emplace_back("OpenAI-Organization", endpoint.organization);
    }
    if (!endpoint.project.empty()) {
        http.headers.emplace_back("OpenAI-Project", endpoint.project);
    }
    http.headers.emplace_back("User-Agent", "keywizard/" KEYWIZARD_VERSION);
    http.headers.emplace_back("Accept", "application/json");
    http.ca_file = endpoint.ca_file;
    http.proxy = endpoint.proxy;
    http.total_timeout = endpoint.timeout;
    http.connect_timeout = std::min(longest_connect_timeout, http.total_timeout);
    http.cancel = std::move(cancel);
    return http;
}

std::optional<KeyCheckOutcome> other_providers_key_refusal(std::string_view key, std::string_view base_url) {
    const Provider* owner = key_of_other_provider(key, base_url);
    if (owner == nullptr) {
        return std::nullopt;
    }
    // Another provider's secret never goes to a server that is not that provider's.
    KeyCheckOutcome outcome =
        refused_locally(Reason::wrong_provider, fill(wrong_provider_named, {{"provider", owner->name}}));
    outcome.masked_key = mask_key(key);
    return outcome;
}

KeyCheckOutcome check_key(const KeyCheckRequest& request) {
    const Clock::time_point started = Clock::now();
    const KeyLintResult lint = lint_key(request.raw_key);

    KeyCheckOutcome outcome;
    if (!lint.ok()) {
        const Reason reason =
            lint.verdict == KeyLintVerdict::admin_key ? Reason::admin_key : Reason::malformed_key;
        outcome = refused_locally(reason, lint.problem);
        outcome.masked_key = mask_key(clean_pasted_key(request.raw_key).text);
    } else if (const LibcurlLoad& curl = load_libcurl(); curl.api == nullptr) {
        // Before the base URL's rules, which read URLs with libcurl too: say what is really missing.
        outcome = refused_locally(Reason::unexpected_response, curl.problem);
        outcome.masked_key = mask_key(lint.key);
    } else if (const auto issue = find_endpoint_issue(request.endpoint)) {
        outcome = refused_locally(issue->reason, issue->problem);
        outcome.masked_key = mask_key(lint.key);
    } else if (auto refusal = other_providers_key_refusal(lint.key, request.endpoint.base_url)) {
        outcome = std::move(*refusal);
    } else if (const auto key_log = tls_key_log_problem()) {
        outcome = refused_locally(Reason::invalid_setting, *key_log);
        outcome.masked_key = mask_key(lint.key);
    } else {
        // One session: a retry and the probe go over the connection (and TLS session) the first GET opened.
        HttpSession session;
        outcome = ask_for_models(session, lint.key, request, started);
        name_mismatched_setting(outcome, request.endpoint);
        if (request.generate) {
            run_generation_probe(session, lint.key, request, outcome);
        }
        outcome.masked_key = mask_key(lint.key);
        // The server's words are already redacted; this catches a key echoed in a shape nobody foresaw.
        for (std::string* text :
             {&outcome.detail, &outcome.message, &outcome.request_id, &outcome.organization, &outcome.project,
              &outcome.generation.detail, &outcome.generation.message, &outcome.generation.request_id}) {
            *text = redact_key(*text, lint.key);
        }
    }
    outcome.notes.insert(outcome.notes.begin(), lint.notes.begin(), lint.notes.end());
    outcome.elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    return outcome;
}

}  // namespace keywizard::net
