#pragma once

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

}  // namespace keywizard::ui
