// The generation probe's request, its model, and how its verdict joins the models check's.
#include "net/generation_probe.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include "net/check_outcome.h"
#include "net/json.h"
#include "net/key_lint.h"
#include "net/phrase.h"
#include "net/server_text.h"
#include "net/url.h"

// Marks English text for the catalog (xgettext --keyword=N_); the windows and the command line translate
// it where they show it. The stored and --json text stays English.
#define N_(text) text

namespace keywizard::net {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds longest_connect_timeout{10'000};

void redact(GenerationResult& generation, const std::string& key) {
    for (std::string* text : {&generation.detail, &generation.message, &generation.request_id}) {
        *text = redact_key(*text, key);
    }
}

}  // namespace

const std::vector<std::string_view>& probe_model_preferences() {
    // Cheapest first by list price per token; models that think before answering come after those that
    // answer at once, so the 16-token cap is spent on the answer.
    static const std::vector<std::string_view> preferences = {
        "gpt-4.1-nano", "gpt-4o-mini", "gpt-4.1-mini", "gpt-3.5-turbo", "gpt-5-nano",
        "gpt-5-mini",   "gpt-4o",      "gpt-4.1",      "gpt-5",
    };
    return preferences;
}

std::optional<std::string> choose_probe_model(const std::string& configured,
                                              const std::vector<std::string>& listed_models) {
    if (!configured.empty()) {
        return configured;
    }
    for (const std::string_view preferred : probe_model_preferences()) {
        if (std::find(listed_models.begin(), listed_models.end(), preferred) != listed_models.end()) {
            return std::string(preferred);
        }
    }
    return std::nullopt;
}

std::string probe_request_body(const std::string& model) {
    nlohmann::ordered_json body;
    body["model"] = model;
    body["messages"] = nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Say OK"}}});
    body["max_completion_tokens"] = probe_token_cap;
    return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void run_generation_probe(HttpSession& session, const std::string& key, const KeyCheckRequest& request,
                          KeyCheckOutcome& outcome) {
    if (outcome.status != KeyStatus::valid) {
        return;  // the models check already says what is wrong; one verdict at a time
    }
    const auto model = choose_probe_model(request.probe_model, outcome.model_ids);
    if (!model) {
        outcome.generation.message =
            N_("Writing text was not tried: the model list shows none of the models the check knows to be "
               "cheap. Set the model the app uses (probe_model) to check it.");
        outcome.notes.push_back(outcome.generation.message);
        return;
    }
    const CancelTokenPtr cancel = request.cancel ? request.cancel : std::make_shared<CancelToken>();
    HttpRequest http = api_request(key, request, cancel);
    http.url = url_below(request.endpoint.base_url, "chat/completions");
    http.headers.emplace_back("Content-Type", "application/json");
    http.total_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(request.endpoint.timeout);
    http.connect_timeout = std::min(longest_connect_timeout, http.total_timeout);

    // One request, never retried: a retry after a quota or rate-limit answer would only cost more.
    const HttpResponse response = session.post(http, probe_request_body(*model));
    outcome.generation = classify_generation_response(response, *model);
    redact(outcome.generation, key);
    ++outcome.attempts;
    combine_generation(outcome);
}

void combine_generation(KeyCheckOutcome& outcome) {
    const GenerationResult& generation = outcome.generation;
    if (!generation.checked) {
        return;
    }
    // The probe answered the question the caveat leaves open.
    std::erase(outcome.notes, std::string(not_checked_note));
    if (generation.reason == Reason::ok) {
        outcome.status = KeyStatus::valid;
        outcome.reason = Reason::ok;
        outcome.message = fill(works_and_can_write,
                               {{"models", models_text(outcome.model_count)}, {"model", generation.model}});
        outcome.notes.push_back(
            fill(checked_with_one_request,
                 {{"model", generation.model}, {"tokens", std::to_string(probe_token_cap)}}));
        return;
    }
    outcome.status = generation.status;
    outcome.reason = generation.reason;
    outcome.http_status = generation.http_status;
    outcome.message = generation.message;
    outcome.remedy_url = generation.remedy_url;
    outcome.detail = generation.detail;
    if (!generation.request_id.empty()) {
        outcome.request_id = generation.request_id;
    }
}

KeyCheckOutcome check_generation(const KeyCheckRequest& request, KeyCheckOutcome models_outcome) {
    const Clock::time_point started = Clock::now();
    const KeyLintResult lint = lint_key(request.raw_key);
    if (!lint.ok() || models_outcome.status != KeyStatus::valid) {
        return models_outcome;
    }
    models_outcome.generation = GenerationResult{};
    HttpSession session;  // a check of its own, later: the models check's connection is gone
    run_generation_probe(session, lint.key, request, models_outcome);
    for (std::string* text : {&models_outcome.detail, &models_outcome.message, &models_outcome.request_id}) {
        *text = redact_key(*text, lint.key);
    }
    models_outcome.elapsed_ms +=
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    return models_outcome;
}

}  // namespace keywizard::net
