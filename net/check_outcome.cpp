#include "net/check_outcome.h"

namespace keywizard::net {

std::string_view to_string(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return "valid";
        case KeyStatus::rejected:
            return "rejected";
        case KeyStatus::limited:
            return "limited";
        case KeyStatus::unverified:
            return "unverified";
    }
    return "unverified";
}

// These strings are the `reason` of --json output: DESIGN.md's outcome table, spelled exactly.
std::string_view to_string(Reason reason) {
    switch (reason) {
        case Reason::ok:
            return "ok";
        case Reason::malformed_key:
            return "malformed_key";
        case Reason::admin_key:
            return "admin_key";
        case Reason::invalid_api_key:
            return "invalid_api_key";
        case Reason::account_deactivated:
            return "account_deactivated";
        case Reason::no_organization:
            return "no_organization";
        case Reason::mismatched_organization:
            return "mismatched_organization";
        case Reason::missing_scope:
            return "missing_scope";
        case Reason::region_not_supported:
            return "region_not_supported";
        case Reason::ip_not_allowed:
            return "ip_not_allowed";
        case Reason::insufficient_quota:
            return "insufficient_quota";
        case Reason::required_model_missing:
            return "required_model_missing";
        case Reason::rate_limited:
            return "rate_limited";
        case Reason::server_error:
            return "server_error";
        case Reason::not_found:
            return "not_found";
        case Reason::unexpected_response:
            return "unexpected_response";
        case Reason::redirect:
            return "redirect";
        case Reason::too_large:
            return "too_large";
        case Reason::timeout:
            return "timeout";
        case Reason::dns:
            return "dns";
        case Reason::connect:
            return "connect";
        case Reason::connection_lost:
            return "connection_lost";
        case Reason::proxy:
            return "proxy";
        case Reason::tls_certificate:
            return "tls_certificate";
        case Reason::tls:
            return "tls";
        case Reason::ca_bundle:
            return "ca_bundle";
        case Reason::cancelled:
            return "cancelled";
        case Reason::insecure_endpoint:
            return "insecure_endpoint";
        case Reason::endpoint_changed:
            return "endpoint_changed";
        case Reason::invalid_setting:
            return "invalid_setting";
        case Reason::model_not_allowed:
            return "model_not_allowed";
    }
    return "unexpected_response";
}

std::optional<Reason> reason_named(std::string_view name) {
    // Every value from ok to the last one added; to_string() has a case for each (-Wswitch checks that).
    for (int i = 0; i <= static_cast<int>(Reason::endpoint_changed); ++i) {
        if (to_string(static_cast<Reason>(i)) == name) {
            return static_cast<Reason>(i);
        }
    }
    return std::nullopt;
}

KeyStatus status_of(Reason reason) {
    switch (reason) {
        case Reason::ok:
            return KeyStatus::valid;
        case Reason::malformed_key:
        case Reason::admin_key:
        case Reason::invalid_api_key:
        case Reason::account_deactivated:
        case Reason::no_organization:
        case Reason::mismatched_organization:
            return KeyStatus::rejected;
        case Reason::missing_scope:
        case Reason::region_not_supported:
        case Reason::ip_not_allowed:
        case Reason::insufficient_quota:
        case Reason::required_model_missing:
        case Reason::model_not_allowed:
            return KeyStatus::limited;
        // We could not find out: the key may still be fine.
        case Reason::rate_limited:
        case Reason::server_error:
        case Reason::not_found:
        case Reason::unexpected_response:
        case Reason::redirect:
        case Reason::too_large:
        case Reason::timeout:
        case Reason::dns:
        case Reason::connect:
        case Reason::connection_lost:
        case Reason::proxy:
        case Reason::tls_certificate:
        case Reason::tls:
        case Reason::ca_bundle:
        case Reason::cancelled:
        case Reason::insecure_endpoint:
        case Reason::endpoint_changed:
        case Reason::invalid_setting:
            return KeyStatus::unverified;
    }
    return KeyStatus::unverified;
}

int exit_code_for(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return 0;
        case KeyStatus::rejected:
            return 2;
        case KeyStatus::limited:
            return 3;
        case KeyStatus::unverified:
            return 4;
    }
    return 4;
}

}  // namespace keywizard::net
