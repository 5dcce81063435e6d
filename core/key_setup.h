#pragma once
// The key setup of one app: every rule about where the key and its endpoint come from, checking, saving,
// forgetting, first run and the last check. The public API (include/keywizard/core.h), the command line and
// the windows all call these; none of them holds such a rule itself. No wx. Blocking: keyring and network.

#include <chrono>
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

CheckResult to_check_result(const net::KeyCheckOutcome& outcome, std::string base_url);
// SSLKEYLOGFILE leaves the environment before libcurl is loaded (net/http_client.h): once, on first use in a
// host, on the caller's thread (never a worker's: changing the environment races with other threads).
void ensure_http();
// The public check_key, stopped by `cancel` (check_key_async's worker).
CheckResult check_key_cancellable(const Options& options, std::string key, const CheckOptions& how,
                                  net::CancelTokenPtr cancel);

// The public check_stored_key, stopped by `cancel` (check_stored_key_async's worker).
CheckResult check_stored_key_cancellable(const Options& options, const CheckOptions& how,
                                         net::CancelTokenPtr cancel);

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

// When OPENAI_API_KEY is set and is not `stored_key` (empty: none stored): it, masked, for "your
// environment's key …abcd overrides the stored …wxyz for tools that read OPENAI_API_KEY"; else empty.
std::string environment_key_override(std::string_view stored_key);

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
// cancelled or refused). No key stored, or none readable: unverified / no_key with the storage's message,
// without I/O (`unreadable` tells the two apart). An endpoint other than the verified one
// (endpoint_change): unverified / endpoint_changed, without I/O and not recorded.
struct StoredKeyCheck {
    net::KeyCheckOutcome outcome;
    std::string base_url;     // where the key went (or would have gone)
    bool unreadable = false;  // the keyring or the file could not be read
};
StoredKeyCheck check_stored_key(const Options& options, const net::CancelTokenPtr& cancel,
                                bool generate = false);

// A stored key is only sent to the base URL it was last verified against (settings' verified_base_url),
// unless the base URL was given explicitly (Source::argument: --base-url, Options::base_url, a person's
// confirmation). An empty verified_base_url (never verified, saved by a version before 0.2, or saved
// with --no-check) counts as the default base URL: OpenAI's own API is the one place a key may always go.
// Trailing slashes do not count as a change.
struct EndpointChange {
    std::string verified_base_url;  // where the key was verified (the default when none is recorded)
    std::string base_url;           // where it would go now
    std::string from;               // why: "OPENAI_BASE_URL", "settings.json", "default" (nothing set)
};
std::optional<EndpointChange> endpoint_change(const Endpoint& endpoint, std::string_view verified_base_url);
// Whether two base URLs are one for the binding: an empty one is the default, trailing slashes do not count.
bool same_base_url(std::string_view a, std::string_view b);
// The refusal for a change, before any I/O: unverified / endpoint_changed, naming both hosts.
net::KeyCheckOutcome endpoint_changed_outcome(const EndpointChange& change, std::string masked_key);
// "api.openai.com", "127.0.0.1:4433": the host (and port) of a URL, for a person.
std::string host_of(std::string_view url);

// Whether setup should open by itself: only while no key is stored and the person has neither skipped the
// setup nor ever saved a key ("completed" stays after "Forget key").
bool needs_setup(const settings::AppSettings& saved, settings::SecretReadState key_state);

settings::StorageStatus record_setup_skipped(const Options& options);

// The last check in words, for a person: "checked 3 days ago: works", "checked 2 hours ago: rejected
// (invalid_api_key)". Empty when none is recorded; "checked at <time>" when the time cannot be read.
// `wording` puts it into the person's language (plural forms included).
std::string last_check_in_words(const settings::AppSettings& saved, std::chrono::system_clock::time_point now,
                                const net::Wording& wording = net::english_wording());
// Seconds since the epoch of an ISO 8601 UTC time as utc_now_iso8601 writes it, or nothing.
std::optional<std::chrono::system_clock::time_point> parse_utc_iso8601(std::string_view text);

// Whether the app should re-check the stored key in the background now: the interval is not 0 and the last
// recorded check is at least that old. A key never checked (saved with --no-check, or by an older
// version) is not checked behind the person's back: Test key does that.
bool recheck_due(const settings::AppSettings& saved, std::chrono::system_clock::time_point now);

// Now, UTC, ISO 8601 ("2026-11-26T19:37:48Z").
std::string utc_now_iso8601();

// Remembers a check as the last one (status, reason, `utc_time` as utc_now_iso8601 writes it), for the main
// window, `show` and recheck_due. Where the key may go (verified_base_url) is the caller's decision.
void record_last_check(settings::AppSettings& saved, const net::KeyCheckOutcome& outcome,
                       std::string utc_time);

}  // namespace keywizard::core
