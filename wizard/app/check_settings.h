#pragma once

#include <chrono>

#include "net/check_outcome.h"
#include "net/models_check.h"
#include "settings/app_settings.h"

// The bridge between what settings.json holds and what a check needs, and back: the endpoint a check of the
// stored key goes to, and the "last check" line the main window shows.
namespace keywizard::ui {

net::Endpoint endpoint_from_settings(const settings::AppSettings& settings);

// "2024-05-01T12:34:56Z"
std::string utc_iso8601(std::chrono::system_clock::time_point when);

// Remembers the outcome of a check of the stored key (status, reason, time) for the main window.
void record_last_check(settings::AppSettings& settings, const net::KeyCheckOutcome& outcome,
                       std::chrono::system_clock::time_point when);

}  // namespace keywizard::ui
