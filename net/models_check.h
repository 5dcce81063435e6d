#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "net/cancel_token.h"
#include "net/check_outcome.h"
#include "net/http_client.h"

namespace keywizard::net {

inline constexpr const char* default_base_url = "https://api.openai.com/v1";

// Where and how to reach the API; everything but the key.
struct Endpoint {
    std::string base_url = default_base_url;
    std::string organization;  // sent as OpenAI-Organization only when not empty
    std::string project;       // sent as OpenAI-Project only when not empty
    std::string ca_file;       // empty: the system store
    std::string proxy;         // empty: libcurl's proxy variables
    std::chrono::seconds timeout{30};
};

// Why the endpoint cannot be used as is (for a person), or nothing when it can. Checked before any I/O.
std::optional<std::string> endpoint_problem(const Endpoint& endpoint);

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

// Pure: turns one response (or transport failure) into an outcome. No retries, no I/O.
KeyCheckOutcome classify_models_response(const HttpResponse& response,
                                         const std::vector<std::string>& required_models);

}  // namespace keywizard::net
