#pragma once

#include <optional>
#include <string>

#include "net/check_outcome.h"
#include "net/endpoint.h"

namespace keywizard::net {

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
