#pragma once

#include <chrono>
#include <filesystem>

#include "core/rules.h"
#include "keywizard/core.h"

// The demo app's bridge to the core: it is keywizard's own app (app_id "keywizard"), and every rule about
// the endpoint is the core's (core/key_setup.h), so its Test key sends what `keywizard check` sends.
namespace keywizard::ui {

// app_id "keywizard" in `config_dir`.
Options app_options(const std::filesystem::path& config_dir);

// The endpoint a check uses with these settings: environment variables over settings.json, as everywhere.
net::Endpoint endpoint_for(const settings::AppSettings& settings);

// "2024-05-01T12:34:56Z"
std::string utc_iso8601(std::chrono::system_clock::time_point when);

// Remembers the outcome of a check of the stored key (status, reason, time) for the main window.
void record_last_check(settings::AppSettings& settings, const net::KeyCheckOutcome& outcome,
                       std::chrono::system_clock::time_point when);

}  // namespace keywizard::ui
