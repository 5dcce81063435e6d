#pragma once
// Every reason code a check can report (CheckResult::reason, GenerationResult::reason, LoadResult::reason,
// the command line's --json `reason`), with its status: compare against these names instead of typing the
// strings, and switch on the status for what to do. Header only: nothing here is in the libraries' ABI.
//
//     keywizard::CheckResult result = keywizard::check_key(key, options);
//     if (result.reason == keywizard::reason::insufficient_quota) { ... point at billing ... }
//
// The codes are stable: a code is never renamed or given another status; new ones are added (a host should
// treat a code it does not know by its status). docs/reasons.md says the same with the remedy for each; it
// is installed in share/doc/keywizard/.

#include "keywizard/core.h"

namespace keywizard {

namespace reason {
// valid
inline constexpr char ok[] = "ok";  // the API lists models for the key

// rejected: this key will not work; ask for another one
inline constexpr char malformed_key[] = "malformed_key";  // not key-shaped; decided before any I/O
inline constexpr char admin_key[] = "admin_key";  // sk-admin-: the Administration API only; decided locally
inline constexpr char invalid_api_key[] = "invalid_api_key";          // wrong, revoked or deleted
inline constexpr char account_deactivated[] = "account_deactivated";  // the owning account is deactivated
inline constexpr char no_organization[] = "no_organization";          // the account is in no organization
// The key is right; the organization or project setting (Options) is not.
inline constexpr char mismatched_organization[] = "mismatched_organization";
inline constexpr char mismatched_project[] = "mismatched_project";
// Added in 0.4: the key is another provider's (it starts with sk-ant-, AIza, sk-or-, gsk_ or xai-) and would
// have gone to a server that is not that provider's; named in the message, decided before any I/O, never
// sent.
inline constexpr char wrong_provider[] = "wrong_provider";

// limited: a real key that cannot do everything; the person can fix it without a new key (usually)
inline constexpr char missing_scope[] = "missing_scope";  // restricted: cannot list models, or read-only
inline constexpr char region_not_supported[] = "region_not_supported";
inline constexpr char ip_not_allowed[] = "ip_not_allowed";  // the project allows other IP addresses only
inline constexpr char insufficient_quota[] = "insufficient_quota";          // no credit left: billing
inline constexpr char required_model_missing[] = "required_model_missing";  // Options::required_models
// The generation probe: the key may not use the model it tried.
inline constexpr char model_not_allowed[] = "model_not_allowed";

// unverified: the key could not be checked; it may well work. Say why, offer to retry (or save anyway)
inline constexpr char rate_limited[] = "rate_limited";  // CheckResult::retry_after_s says how long to wait
inline constexpr char server_error[] = "server_error";  // 5xx
inline constexpr char not_found[] = "not_found";        // 404: the base URL is wrong
inline constexpr char unexpected_response[] = "unexpected_response";  // not the API's answer (a portal...)
inline constexpr char redirect[] = "redirect";                        // 3xx, never followed
inline constexpr char too_large[] = "too_large";                      // a body over 4 MiB
inline constexpr char timeout[] = "timeout";
inline constexpr char dns[] = "dns";
inline constexpr char connect[] = "connect";
inline constexpr char connection_lost[] = "connection_lost";
inline constexpr char proxy[] = "proxy";
inline constexpr char tls_certificate[] = "tls_certificate";  // the server's certificate is not trusted
inline constexpr char tls[] = "tls";
inline constexpr char ca_bundle[] = "ca_bundle";  // Options::ca_file (or SSL_CERT_FILE) cannot be used
inline constexpr char cancelled[] = "cancelled";  // CheckHandle::cancel(), or the handle was dropped
inline constexpr char insecure_endpoint[] = "insecure_endpoint";  // http:// to a host that is not loopback
inline constexpr char invalid_setting[] = "invalid_setting";      // a base URL, proxy... that cannot be used
// The stored key would go to a base URL other than the one it was verified against: not sent.
inline constexpr char endpoint_changed[] = "endpoint_changed";
inline constexpr char no_key[] = "no_key";  // there is no key to check (none given, none stored)

// load_key_checked and check_stored_key only, never check_key's: the keyring or the key file could not be
// read.
inline constexpr char unreadable[] = "unreadable";
}  // namespace reason

// One code and what it means for a host.
struct ReasonCode {
    const char* code;
    Status status;   // what a result with this code has (a generation probe's reason keeps its own status)
    bool retryable;  // the same request may answer differently soon (keywizard retries once by itself)
};

// Every code, in the order of docs/reasons.md. A test checks it against the library's own table.
inline constexpr ReasonCode reason_codes[] = {
    {reason::ok, Status::valid, false},
    {reason::malformed_key, Status::rejected, false},
    {reason::admin_key, Status::rejected, false},
    {reason::invalid_api_key, Status::rejected, false},
    {reason::account_deactivated, Status::rejected, false},
    {reason::no_organization, Status::rejected, false},
    {reason::mismatched_organization, Status::rejected, false},
    {reason::mismatched_project, Status::rejected, false},
    {reason::wrong_provider, Status::rejected, false},
    {reason::missing_scope, Status::limited, false},
    {reason::region_not_supported, Status::limited, false},
    {reason::ip_not_allowed, Status::limited, false},
    {reason::insufficient_quota, Status::limited, false},
    {reason::required_model_missing, Status::limited, false},
    {reason::model_not_allowed, Status::limited, false},
    {reason::rate_limited, Status::unverified, true},
    {reason::server_error, Status::unverified, true},
    {reason::not_found, Status::unverified, false},
    {reason::unexpected_response, Status::unverified, false},
    {reason::redirect, Status::unverified, false},
    {reason::too_large, Status::unverified, false},
    {reason::timeout, Status::unverified, false},
    {reason::dns, Status::unverified, false},
    {reason::connect, Status::unverified, false},
    {reason::connection_lost, Status::unverified, true},
    {reason::proxy, Status::unverified, false},
    {reason::tls_certificate, Status::unverified, false},
    {reason::tls, Status::unverified, false},
    {reason::ca_bundle, Status::unverified, false},
    {reason::cancelled, Status::unverified, false},
    {reason::insecure_endpoint, Status::unverified, false},
    {reason::invalid_setting, Status::unverified, false},
    {reason::endpoint_changed, Status::unverified, false},
    {reason::no_key, Status::unverified, false},
};

}  // namespace keywizard
