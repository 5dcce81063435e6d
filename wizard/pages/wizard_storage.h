#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"
#include "keywizard/core.h"

// What the wizard reads and writes, as blocking functions without wx: the pages run them on a worker
// thread (BackgroundTask), since keyring calls never run on the UI thread. Every rule is the core's
// (core/key_setup.h): the wizard only says which fields the person typed.
namespace keywizard::ui {

// The Advanced fields of the paste page.
struct EndpointFields {
    std::string base_url;  // empty: the default
    std::string organization;
    std::string project;
    std::string ca_file;
    std::string proxy;

    bool operator==(const EndpointFields&) const = default;
};

// Known when the wizard opens: the settings, the endpoint a check would use now (the one precedence:
// the host's options > environment > settings.json > default), and whether the keyring can be used.
struct WizardStartFacts {
    settings::AppSettings settings;
    EndpointFields resolved;                     // what the Advanced fields start with
    std::vector<std::string> warnings;           // e.g. a corrupt settings.json was moved aside
    std::optional<std::string> keyring_problem;  // nullopt: the Secret Service is usable
    std::string keyring_location;                // for a person: "GNOME Keyring (Secret Service)"
    std::string file_location;                   // the .env fallback's path
    std::string stored_masked_key;               // the stored key, masked; read only with OPENAI_API_KEY
    std::string environment_key_masked;          // OPENAI_API_KEY, masked, when it differs from the stored
};
WizardStartFacts probe_wizard_start(const Options& app);

// The host's options plus what the person typed: a field that differs from where it started is an explicit
// argument (checked with, and saved with the key); one left alone keeps its source, so an environment
// variable's value is never written into settings.json.
Options options_with_fields(const Options& app, const EndpointFields& started, const EndpointFields& now);

// The request the wizard's Test key sends: the same as the command line's for the same options.
net::KeyCheckRequest wizard_check_request(const Options& app, const settings::AppSettings& saved,
                                          std::string key);

struct SaveKeyRequest {
    Options app;      // with the typed fields as explicit options
    std::string key;  // normalised (lint_key's `key`)
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    net::KeyCheckOutcome tested;  // recorded as the last check
    std::string tested_base_url;  // where it was verified
};

struct SaveKeyResult {
    settings::StorageStatus status;
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    std::string location;         // "GNOME Keyring (Secret Service)" or the .env path
    std::string masked_key;       // what was saved, as it may be shown
    net::KeyCheckOutcome tested;  // the check it was saved with
    std::string tested_base_url;  // where that check went
    std::string warning;          // the key is saved, but something else was not
};

// Saves the key with its endpoint, its last check and first_run = completed, as one transaction.
SaveKeyResult save_tested_key(const SaveKeyRequest& request);

// First run, "Skip for now": remembered so the wizard does not open by itself again.
settings::StorageStatus record_first_run_skipped(const Options& app);

}  // namespace keywizard::ui
