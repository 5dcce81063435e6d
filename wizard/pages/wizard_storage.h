#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "net/check_outcome.h"
#include "net/models_check.h"
#include "settings/app_settings.h"
#include "settings/storage_status.h"

// What the wizard reads and writes, as blocking functions without wx: the pages run them on a worker
// thread (BackgroundTask), since keyring calls never run on the UI thread.
namespace keywizard::ui {

// The Advanced fields of the paste page, as saved into settings.json with the key.
struct EndpointFields {
    std::string base_url;  // empty: the default
    std::string organization;
    std::string project;
    std::string ca_file;
    std::string proxy;

    bool operator==(const EndpointFields&) const = default;
};

// The endpoint a check uses: the fields over the defaults (and the saved timeout).
net::Endpoint endpoint_from(const EndpointFields& fields, int timeout_seconds);

// Known when the wizard opens: the settings (for the Advanced fields) and whether the keyring can be used.
struct WizardStartFacts {
    settings::AppSettings settings;
    std::vector<std::string> warnings;           // e.g. a corrupt settings.json was moved aside
    std::optional<std::string> keyring_problem;  // nullopt: the Secret Service is usable
    std::string keyring_location;                // for a person: "GNOME Keyring (Secret Service)"
    std::string file_location;                   // the .env fallback's path
};
WizardStartFacts probe_wizard_start(const std::filesystem::path& config_dir);

// Blank fields take OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID and SSL_CERT_FILE from the environment,
// as the command line does.
EndpointFields endpoint_fields_from(const settings::AppSettings& settings);

struct SaveKeyRequest {
    std::filesystem::path config_dir;
    std::string key;  // normalised (lint_key's `key`)
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    EndpointFields endpoint;
    net::KeyCheckOutcome tested;  // recorded as the last check
};

struct SaveKeyResult {
    settings::StorageStatus status;
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    std::string location;  // "GNOME Keyring (Secret Service)" or the .env path
    std::string warning;   // the key is saved, but something else was not (e.g. the connection settings)
};

// Saves the key (KeyStorage::save_key), then the endpoint fields, the last check and first_run = completed.
SaveKeyResult save_tested_key(const SaveKeyRequest& request);

// First run, "Skip for now": remembered so the wizard does not open by itself again.
settings::StorageStatus record_first_run_skipped(const std::filesystem::path& config_dir);

// Now, UTC, ISO 8601 ("2026-11-26T19:37:48Z").
std::string utc_now_iso8601();

}  // namespace keywizard::ui
