// classify_models_response: DESIGN.md's outcome table, from one response of GET /models. Pure: no I/O.
#include "net/models_check.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "net/ascii.h"
#include "net/check_outcome.h"
#include "net/json.h"
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
                                Reason::mismatched_organization, Reason::mismatched_project}) {
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
    if (error.says("OpenAI-Project header should match")) {
        return {Reason::mismatched_project, {}};
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

Verdict classify_too_many_requests(const ErrorSignals& error, const HttpResponse& response,
                                   KeyCheckOutcome& outcome) {
    if (error.code_or_type_is("insufficient_quota") || error.says("exceeded your current quota")) {
        return {Reason::insufficient_quota, {}};
    }
    // The real wait and the limit that was hit, instead of a guess.
    const RateLimit rate =
        rate_limit_of(response, error.api ? std::string_view(error.api->type) : "", error.text);
    outcome.rate_limit = rate.limit;
    if (!rate.wait) {
        return {Reason::rate_limited, {}};
    }
    const long seconds = std::max<long>(1, std::chrono::ceil<std::chrono::seconds>(*rate.wait).count());
    outcome.retry_after_s = seconds;
    if (rate.limit.empty()) {
        return {Reason::rate_limited,
                seconds == 1 ? std::string(rate_limited_for_a_second)
                             : fill(rate_limited_for_seconds, {{"seconds", std::to_string(seconds)}})};
    }
    const std::string limit = rate.limit + (rate.per_day ? " per day" : " per minute");
    if (seconds == 1) {
        return {Reason::rate_limited, fill(rate_limit_hit_for_a_second, {{"limit", limit}})};
    }
    return {Reason::rate_limited,
            fill(rate_limit_hit_for_seconds, {{"limit", limit}, {"seconds", std::to_string(seconds)}})};
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
            return classify_too_many_requests(error, response, outcome);
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

void name_mismatched_setting(KeyCheckOutcome& outcome, const Endpoint& endpoint) {
    const bool organization = outcome.reason == Reason::mismatched_organization;
    if (!organization && outcome.reason != Reason::mismatched_project) {
        return;
    }
    const std::string& value = organization ? endpoint.organization : endpoint.project;
    const std::string& from = organization ? endpoint.organization_from : endpoint.project_from;
    if (value.empty()) {
        return;  // nothing was sent: the table's own words are all there is to say
    }
    const std::string shown = displayable_server_text(value, 80, Redaction::sk_only);
    if (from.empty()) {
        outcome.message =
            fill(organization ? mismatched_organization_given : mismatched_project_given, {{"value", shown}});
    } else {
        outcome.message = fill(organization ? mismatched_organization_from : mismatched_project_from,
                               {{"value", shown}, {"from", from}});
    }
}

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
