#pragma once

#include <string>
#include <vector>

#include "net/check_outcome.h"
#include "net/endpoint.h"
#include "net/http_client.h"

namespace keywizard::net {

// Pure: turns one response of GET /models (or a transport failure) into an outcome, by DESIGN.md's outcome
// table. No retries, no I/O.
KeyCheckOutcome classify_models_response(const HttpResponse& response,
                                         const std::vector<std::string>& required_models);

// A mismatched organization or project says which setting is wrong and where it came from ("proj_abc, from
// OPENAI_PROJECT_ID"): the key is right, and the person has to find the setting to clear it.
void name_mismatched_setting(KeyCheckOutcome& outcome, const Endpoint& endpoint);

}  // namespace keywizard::net
