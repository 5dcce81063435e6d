#pragma once

#include <string>
#include <vector>

#include "net/check_outcome.h"
#include "net/http_client.h"

namespace keywizard::net {

// Pure: turns one response of GET /models (or a transport failure) into an outcome, by DESIGN.md's outcome
// table. No retries, no I/O.
KeyCheckOutcome classify_models_response(const HttpResponse& response,
                                         const std::vector<std::string>& required_models);

}  // namespace keywizard::net
