#include "net/outcome_messages.h"

#include <string>

namespace keywizard::net {
namespace {

constexpr std::string_view api_keys_page = "https://platform.openai.com/api-keys";
constexpr std::string_view billing_page = "https://platform.openai.com/settings/organization/billing";
constexpr std::string_view supported_countries_page = "https://platform.openai.com/docs/supported-countries";
constexpr std::string_view organization_page = "https://platform.openai.com/settings/organization/general";
constexpr std::string_view key_permissions_page =
    "https://help.openai.com/en/articles/8867743-assign-api-key-permissions";
// Settings -> Project -> Limits, where a project's allowed models are set ("proj" stands for the current
// project).
constexpr std::string_view project_limits_page = "https://platform.openai.com/settings/proj/limits";
constexpr std::string_view help_center = "https://help.openai.com";
constexpr std::string_view status_page = "https://status.openai.com";

std::string http_status_text(const KeyCheckOutcome& outcome) {
    return outcome.http_status ? " (HTTP " + std::to_string(*outcome.http_status) + ")" : std::string();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string models_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " model" : " models");
}

std::string message_for(const KeyCheckOutcome& outcome) {
    switch (outcome.reason) {
        case Reason::ok:
            return "The key works: the API lists " + models_text(outcome.model_count) + " for it.";
        case Reason::malformed_key:
            return "This is not a well-formed key.";
        case Reason::admin_key:
            return "This is an admin key (sk-admin-): it only works with the Administration API and cannot "
                   "call models. Create a project API key instead.";
        case Reason::invalid_api_key:
            return "OpenAI does not accept this key: it is wrong, revoked or deleted. Create a new key.";
        case Reason::account_deactivated:
            return "The OpenAI account that owns this key has been deactivated. Contact OpenAI's help "
                   "center.";
        case Reason::no_organization:
            return "The account behind this key is not a member of any organization, which the API requires.";
        case Reason::mismatched_organization:
            return "The organization set for this check does not match the key's organization. Clear the "
                   "organization setting or set the right one.";
        case Reason::missing_scope:
            return "This is a restricted key without permission to list models (missing scope "
                   "api.model.read). It may still be able to generate; allow \"Models: Read\" to be sure.";
        case Reason::region_not_supported:
            return "OpenAI does not serve the country, region or territory this request comes from.";
        case Reason::ip_not_allowed:
            return "The key's project only accepts requests from allowed IP addresses, and this computer's "
                   "address is not one of them.";
        case Reason::insufficient_quota:
            return "The key is real but the account has no credit left (quota exceeded). Add credit or check "
                   "the plan and billing details.";
        case Reason::required_model_missing:
            return "The key works but cannot use the required " +
                   std::string(outcome.missing_models.size() == 1 ? "model " : "models ") +
                   joined(outcome.missing_models) + " (the API lists " + models_text(outcome.model_count) +
                   " for it).";
        case Reason::rate_limited:
            return "OpenAI is limiting the rate of requests for this key right now" +
                   http_status_text(outcome) + ". Try again in a minute.";
        case Reason::server_error:
            return "The server had a problem" + http_status_text(outcome) +
                   ", so the key could not be checked. Try again later.";
        case Reason::not_found:
            return "There is no model list at this address (HTTP 404): the base URL is probably wrong. The "
                   "usual one is https://api.openai.com/v1.";
        case Reason::unexpected_response:
            return "The server's answer" + http_status_text(outcome) +
                   " is not what the OpenAI API sends, so the key could not be checked.";
        case Reason::redirect:
            return "The server answered with a redirect" + http_status_text(outcome) +
                   ", which is not followed for safety. Check the base URL.";
        case Reason::too_large:
            return "The answer was larger than 4 MiB and was cut off: the base URL probably does not point "
                   "to "
                   "the OpenAI API.";
        case Reason::timeout:
            return "The server did not answer in time. Check the network connection and try again.";
        case Reason::dns:
            return "The server's name could not be found. Check the network connection and the base URL.";
        case Reason::connect:
            return "Could not connect to the server. Check the network connection, a firewall, and the base "
                   "URL.";
        case Reason::connection_lost:
            return "The connection broke before the answer was complete. Try again.";
        case Reason::proxy:
            return "The proxy failed or refused the connection. Check the proxy setting (or the HTTPS_PROXY "
                   "variable).";
        case Reason::tls_certificate:
            return "The server's certificate could not be verified. A network that intercepts secure "
                   "connections, or the wrong CA file, can cause this.";
        case Reason::tls:
            return "A secure (TLS) connection to the server could not be set up.";
        case Reason::ca_bundle:
            return "The CA certificate file could not be used. Check the CA file setting.";
        case Reason::cancelled:
            return "The check was cancelled.";
        case Reason::insecure_endpoint:
            return "The base URL uses plain http:// to another computer, so the key would travel "
                   "unencrypted. "
                   "Use https://.";
        case Reason::endpoint_changed:
            return "The stored key was not sent: the base URL differs from the one it was verified against.";
        case Reason::invalid_setting:
            return "A connection setting cannot be used as it is.";
        case Reason::model_not_allowed:
            return "The key works, but it may not use the model it tried. Allow the model in the project's "
                   "limits, or use a key of a project that may use it.";
    }
    return "The key could not be checked.";
}

}  // namespace

std::string_view remedy_url_for(Reason reason) {
    switch (reason) {
        case Reason::malformed_key:
        case Reason::admin_key:
        case Reason::invalid_api_key:
            return api_keys_page;
        case Reason::account_deactivated:
            return help_center;
        case Reason::no_organization:
        case Reason::mismatched_organization:
        case Reason::ip_not_allowed:
            return organization_page;
        case Reason::missing_scope:
            return key_permissions_page;
        case Reason::region_not_supported:
            return supported_countries_page;
        case Reason::insufficient_quota:
            return billing_page;
        case Reason::server_error:
            return status_page;
        case Reason::model_not_allowed:
            return project_limits_page;
        default:
            return {};
    }
}

void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation) {
    outcome.message = explanation.empty() ? message_for(outcome) : std::string(explanation);
    outcome.remedy_url = std::string(remedy_url_for(outcome.reason));
}

}  // namespace keywizard::net
