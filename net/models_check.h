#pragma once
// The models check, GET {base_url}/models: the request and its retries (models_check.cpp) and the pure
// verdict on one answer (models_classify.cpp), as net/generation_probe.h is for the probe.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "net/cancel_token.h"
#include "net/check_outcome.h"
#include "net/endpoint.h"
#include "net/http_client.h"

namespace keywizard::net {

struct KeyCheckRequest {
    std::string raw_key;  // as pasted: lint_key() runs first
    Endpoint endpoint;
    std::vector<std::string> required_models;
    CancelTokenPtr cancel;  // may be null
    int max_attempts = 2;   // one automatic retry at most, and only where the outcome table allows it
    // The opt-in generation probe (net/generation_probe.h): one POST after a passing models check. Never
    // sent unless asked for.
    bool generate = false;
    std::string probe_model;  // the model the app uses; empty: the cheapest suitable one listed
};

// Lints, asks GET {base_url}/models, classifies. Blocking; call it from a worker thread in a UI.
KeyCheckOutcome check_key(const KeyCheckRequest& request);

// The refusal check_key gives a (linted) key of another provider that would go to a server that is not
// that provider's (net/providers.h): rejected / wrong_provider, the provider named, without I/O. Nothing
// when the key may go. A save without a check (`keywizard set --no-check`) refuses it the same way.
std::optional<KeyCheckOutcome> other_providers_key_refusal(std::string_view key, std::string_view base_url);

// The request every call to the API starts from (headers, TLS, proxy, timeouts); the caller sets the URL.
HttpRequest api_request(const std::string& key, const KeyCheckRequest& request, CancelTokenPtr cancel);

// Pure (models_classify.cpp): turns one response of GET /models (or a transport failure) into an outcome, by
// DESIGN.md's outcome table. No retries, no I/O.
KeyCheckOutcome classify_models_response(const HttpResponse& response,
                                         const std::vector<std::string>& required_models);

// A mismatched organization or project says which setting is wrong and where it came from ("proj_abc, from
// OPENAI_PROJECT_ID"): the key is right, and the person has to find the setting to clear it.
void name_mismatched_setting(KeyCheckOutcome& outcome, const Endpoint& endpoint);

}  // namespace keywizard::net
