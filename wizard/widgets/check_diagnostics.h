#pragma once

#include <string>
#include <string_view>

#include "core/rules.h"

namespace keywizard::ui {

// The "Copy diagnostics" text: everything a support person needs about one check, in plain English, and
// never the key (only its masked form) or a proxy's password. No wx: the tests compare it as text.
std::string diagnostics_report(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint,
                               std::string_view version, std::string_view utc_time);

// "DNS 1 ms · connect 3 ms · TLS 12 ms · first byte 140 ms · total 141 ms" (phases that were measured).
std::string timings_summary(const net::TransferTimings& timings);

}  // namespace keywizard::ui
