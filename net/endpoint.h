#pragma once
// Where and how to reach the API, and the rules an endpoint must pass before anything is sent.

#include <chrono>
#include <optional>
#include <string>

#include "net/check_outcome.h"

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
    // Where the organization and project came from, for a person ("OPENAI_PROJECT_ID", "settings.json"):
    // a mismatch names the setting to fix. Empty: given with the check.
    std::string organization_from;
    std::string project_from;
};

// Why an endpoint cannot be used, as the reason check_key reports (invalid_setting, or insecure_endpoint
// for http:// to a host that is not this computer) and a sentence for a person.
struct EndpointIssue {
    Reason reason = Reason::invalid_setting;
    std::string problem;
};

// Decided before any I/O: nothing that fails here may reach libcurl.
std::optional<EndpointIssue> find_endpoint_issue(const Endpoint& endpoint);

// Why the endpoint cannot be used as is (for a person), or nothing when it can. Checked before any I/O.
std::optional<std::string> endpoint_problem(const Endpoint& endpoint);

// base_url without trailing slashes + "/models" (url_below); empty when libcurl cannot read it.
std::string models_url(const Endpoint& endpoint);

}  // namespace keywizard::net
