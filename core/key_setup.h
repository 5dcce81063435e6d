#pragma once
// The key setup of one app: every rule about where the key and its endpoint come from, checking, saving,
// forgetting, first run and the last check. The public API (include/keywizard/core.h), the command line and
// the windows all call these; none of them holds such a rule itself. No wx. Blocking: keyring and network.

#include <optional>
#include <string>
#include <string_view>

#include "keywizard/core.h"
#include "net/cancel_token.h"
#include "net/check_outcome.h"
#include "net/models_check.h"
#include "settings/app_settings.h"
#include "settings/key_storage.h"

namespace keywizard::core {

// settings.json of the app `options` names, as loaded (warnings: a corrupt file moved aside, ...).
settings::SettingsLoad load_settings(const Options& options);

// The one precedence: explicit option > environment variable > settings.json > default.
Endpoint resolve_endpoint(const Options& options, const settings::AppSettings& saved);
net::Endpoint to_net_endpoint(const Endpoint& endpoint);

// The request a check of `key` sends, for these options and settings: what every caller checks with.
// The generation probe stays off (request.generate) unless the caller turns it on; its model is
// Options::probe_model > settings.json's probe_model > the cheapest one listed.
net::KeyCheckRequest check_request(const Options& options, const settings::AppSettings& saved,
                                   std::string key, net::CancelTokenPtr cancel = nullptr);

// Loads the settings and checks `key` with the resolved endpoint.
// `generate`: also the generation probe (one POST) after a passing models check; the verdict is then the
// combined one.
net::KeyCheckOutcome check(const Options& options, std::string_view key, net::CancelTokenPtr cancel = nullptr,
                           bool generate = false);

CheckResult to_check_result(const net::KeyCheckOutcome& outcome, std::string base_url);

// Storage of the app `options` names: its config folder and its keyring `application`.
settings::KeyStorage open_storage(const Options& options);

// The key to use now: OPENAI_API_KEY, else the stored one.
struct KeySource {
    enum class From { environment, store, none };
    From from = From::none;
    std::string key;
    settings::SecretReadState store_state = settings::SecretReadState::not_found;
    std::string problem;  // why there is none, for a person
};
KeySource find_key(const Options& options);

// Saves the key with what it was checked against: the explicit endpoint options, the verified base URL,
// the check as the last check, and first run completed. One transaction (KeyStorage::save_key).
struct SaveRequest {
    std::string key;  // normalised (lint_key's `key`)
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    const net::KeyCheckOutcome* checked = nullptr;  // null: saved without a check
    std::string checked_base_url;                   // the base URL `checked` went to
};
settings::StorageStatus save(const Options& options, const SaveRequest& request);

// Checks the stored key against the resolved endpoint and records the result as the last check (unless
// cancelled). No key: a rejected outcome, without I/O.
net::KeyCheckOutcome check_stored_key(const Options& options, const net::CancelTokenPtr& cancel);

// Whether setup should open by itself: only while no key is stored and the person has neither skipped the
// setup nor ever saved a key ("completed" stays after "Forget key").
bool needs_setup(const settings::AppSettings& saved, settings::SecretReadState key_state);

settings::StorageStatus record_setup_skipped(const Options& options);

// Now, UTC, ISO 8601 ("2026-11-26T19:37:48Z").
std::string utc_now_iso8601();

}  // namespace keywizard::core
