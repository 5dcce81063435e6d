#pragma once

#include <string>

#include "core/rules.h"

namespace keywizard::cli {

// One or two lines for a person, e.g.
// "✓ Key works (sk-proj-…wxyz): 57 models, organization user-abc123. Billing is not checked."
std::string plain_report(const net::KeyCheckOutcome& outcome);

// One JSON object (DESIGN.md's --json fields), newline-terminated.
std::string json_report(const net::KeyCheckOutcome& outcome);

}  // namespace keywizard::cli
