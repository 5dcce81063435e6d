// classify_models_response: DESIGN.md's outcome table, from one response of GET /models. Pure: no I/O.
#include "net/models_classify.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "net/api_error.h"
#include "net/ascii.h"
#include "net/json.h"
#include "net/outcome_messages.h"
#include "net/phrase.h"
#include "net/retry_policy.h"
#include "net/server_text.h"

// Marks English text for the catalog (xgettext --keyword=N_); the windows and the command line translate
// it where they show it. The stored and --json text stays English.
#define N_(text) text

namespace keywizard::net {
namespace {

using nlohmann::json;

// A reason and, where the table's row needs more words than the reason's usual message, what to say.
struct Verdict {
    Reason reason;
    std::string explanation;
};

// What the error says, from the API's JSON or, failing that, the body as plain text: some answers (the IP
// allow-list's) are not always JSON.
struct ErrorSignals {
    std::optional<ApiError> api;
    std::string_view text;

    bool code_or_type_is(std::string_view value) const {
        return api && (api->code == value || api->type == value);
    }
    bool says(std::string_view words) const { return ascii::contains_ignoring_case(text, words); }
};

Verdict classify_unauthorized(const ErrorSignals& error) {
    // A code names the reason outright; `code` is often null, so the message's wording comes next.
    for (const Reason reason : {Reason::invalid_api_key, Reason::account_deactivated, Reason::no_organization,
                                Reason::mismatched_organization}) {
        if (error.api && error.api->code == to_string(reason)) {
            return {reason, {}};
        }
    }
    if (error.code_or_type_is("missing_scope") || error.says("Missing scopes")) {
        return {Reason::missing_scope, {}};
    }
    if (error.says("IP not authorized")) {
        return {Reason::ip_not_allowed, {}};
    }
    if (!error.api) {
        return {
            Reason::unexpected_response,
            N_("The server refused the request (HTTP 401) but not the way the OpenAI API does: a proxy or "
               "gateway in between may have answered. The key was not checked.")};
    }
    if (error.says("didn't provide an API key") || error.says("did not provide an API key")) {
        return {
            Reason::unexpected_response,
            N_("The server says no key arrived, although one was sent: a proxy in between may have removed "
               "the Authorization header. The key was not checked.")};
    }
    if (error.says("deactivated")) {
        return {Reason::account_deactivated, {}};
    }
    if (error.says("member of an organization")) {
        return {Reason::no_organization, {}};
    }
    if (error.says("OpenAI-Organization header should match")) {
        return {Reason::mismatched_organization, {}};
    }
    // The API itself refused the key ("Incorrect API key provided", or wording not seen before).
    return {Reason::invalid_api_key, {}};
}

Verdict classify_forbidden(const ErrorSignals& error) {
    if (error.code_or_type_is("missing_scope") || error.says("Missing scopes")) {
        return {Reason::missing_scope, {}};
    }
    if (error.code_or_type_is("unsupported_country_region_territory") ||
        error.says("Country, region, or territory not supported")) {
        return {Reason::region_not_supported, {}};
    }
    if (error.says("IP not authorized")) {
        return {Reason::ip_not_allowed, {}};
    }
    return {
        Reason::unexpected_response,
        N_("The server refused the request (HTTP 403) for a reason the OpenAI API does not give: a firewall "
           "or proxy may be blocking it. The key was not checked.")};
}

Verdict classify_too_many_requests(const ErrorSignals& error, const HttpResponse& response) {
    if (error.code_or_type_is("insufficient_quota") || error.says("exceeded your current quota")) {
        return {Reason::insufficient_quota, {}};
    }
    // When the server says how long to wait, pass it on instead of a guess.
    const auto wait = server_requested_wait(response);
    if (wait && *wait >= std::chrono::seconds(2)) {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(*wait).count();
        return {Reason::rate_limited, fill(rate_limited_for_seconds, {{"seconds", std::to_string(seconds)}})};
    }
    return {Reason::rate_limited, {}};
}

std::string unexpected_success_explanation(std::string_view body) {
    if (ascii::trim(body).empty()) {
        return N_(
            "The server answered with an empty page instead of a model list, so the key could not be "
            "checked. Is the base URL an OpenAI API?");
    }
    if (looks_like_html(body)) {
        return N_(
            "The server answered with a web page instead of a model list: a Wi-Fi login page (captive "
            "portal) or a proxy may be in the way. The key was not checked.");
    }
    return N_(
        "The server's answer is not a model list, so the key could not be checked. Is the base URL an "
        "OpenAI API?");
}

// 200: only {"object":"list","data":[...]} proves the key was accepted.
Verdict classify_success(std::string_view body, const std::vector<std::string>& required_models,
                         KeyCheckOutcome& outcome) {
    const json document = parse_untrusted_json(body);
    const bool list_shape = document.is_object() && document.contains("data") &&
                            document["data"].is_array() && document.contains("object") &&
                            document["object"].is_string() && document["object"].get<std::string>() == "list";
    if (!list_shape) {
        outcome.detail = excerpt_of_body(body);
        return {Reason::unexpected_response, unexpected_success_explanation(body)};
    }
    std::unordered_set<std::string> ids;
    for (const json& model : document["data"]) {
        if (model.is_object() && model.contains("id") && model["id"].is_string()) {
            if (ids.insert(model["id"].get<std::string>()).second) {
                outcome.model_ids.push_back(model["id"].get<std::string>());
            }
        }
    }
    outcome.model_count = document["data"].size();
    for (const std::string& required : required_models) {
        const bool listed_already = std::find(outcome.missing_models.begin(), outcome.missing_models.end(),
                                              required) != outcome.missing_models.end();
        if (!ids.contains(required) && !listed_already) {
            outcome.missing_models.push_back(required);
        }
    }
    return {outcome.missing_models.empty() ? Reason::ok : Reason::required_model_missing, {}};
}

Verdict classify_http(const HttpResponse& response, const std::vector<std::string>& required_models,
                      KeyCheckOutcome& outcome) {
    const long status = response.status;
    if (status == 200) {
        return classify_success(response.body, required_models, outcome);
    }
    if (status >= 300 && status < 400) {
        const auto location = response.header("location");
        outcome.detail = location ? "Location: " + displayable_server_text(*location) : std::string();
        return {Reason::redirect, {}};
    }

    ErrorSignals error{parse_api_error(response.body), {}};
    error.text = error.api ? std::string_view(error.api->message) : std::string_view(response.body);
    outcome.detail = error.api ? displayable_server_text(error.api->message) : excerpt_of_body(response.body);

    switch (status) {
        case 401:
            return classify_unauthorized(error);
        case 403:
            return classify_forbidden(error);
        case 404:
            return {Reason::not_found, {}};
        case 407:
            return {Reason::proxy, {}};
        case 429:
            return classify_too_many_requests(error, response);
        default:
            break;
    }
    if (status >= 500 && status < 600) {
        return {Reason::server_error, {}};
    }
    return {Reason::unexpected_response, {}};
}

void read_response_headers(const HttpResponse& response, KeyCheckOutcome& outcome) {
    const auto read = [&](std::string_view name, std::string& into) {
        if (const auto value = response.header(name)) {
            into = displayable_server_text(*value, 200, Redaction::sk_only);
        }
    };
    read("x-request-id", outcome.request_id);
    read("openai-organization", outcome.organization);
    read("openai-project", outcome.project);
}

}  // namespace

KeyCheckOutcome classify_models_response(const HttpResponse& response,
                                         const std::vector<std::string>& required_models) {
    KeyCheckOutcome outcome;
    if (response.status > 0) {
        outcome.http_status = response.status;
    }
    outcome.timings = response.timings;
    read_response_headers(response, outcome);

    Verdict verdict{Reason::unexpected_response, {}};
    if (response.error != Reason::ok) {
        verdict.reason = response.error;
        outcome.detail = displayable_server_text(response.error_detail);
        if (response.reply_not_http) {
            verdict.explanation = N_(
                "The server's reply is not valid HTTP (no status line, or a header far too long), so the key "
                "could not be checked. Is the base URL an OpenAI API?");
        } else if (response.error == Reason::unexpected_response) {
            verdict.explanation =
                N_("The request failed in an unexpected way, so the key could not be checked.");
        }
    } else {
        verdict = classify_http(response, required_models, outcome);
    }

    outcome.reason = verdict.reason;
    outcome.status = status_of(verdict.reason);
    describe_outcome(outcome, verdict.explanation);
    if (outcome.reason == Reason::ok || outcome.reason == Reason::required_model_missing) {
        outcome.notes.emplace_back(not_checked_note);
    }
    return outcome;
}

}  // namespace keywizard::net
