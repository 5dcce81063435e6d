#pragma once

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

// The request every call to the API starts from (headers, TLS, proxy, timeouts); the caller sets the URL.
HttpRequest api_request(const std::string& key, const KeyCheckRequest& request, CancelTokenPtr cancel);

}  // namespace keywizard::net
