#include "net/check_outcome.h"

#include <array>
#include <cstddef>

// Marks English text for the translation catalog where it is written down (xgettext --keyword=N_); the
// windows and the command line translate it where they show it (net::person_message, the result panel).
// The --json `message` stays English.
#define N_(text) text

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

constexpr std::string_view not_a_usable_key = N_("This is not a key the app can use.");
constexpr std::string_view rejected_by_openai = N_("OpenAI rejected this key.");
constexpr std::string_view cannot_be_used = N_("This key is real, but it cannot be used as it is.");
constexpr std::string_view not_checked = N_("The key could not be checked.");
constexpr std::string_view new_key_label = N_("Create a new key on the API keys page");
constexpr std::string_view organization_label = N_("Open your organization settings");
constexpr std::string_view status_label = N_("Check OpenAI's status page");

using enum KeyStatus;

// In the order of the enum: row i is Reason i.
constexpr std::array<ReasonRow, static_cast<std::size_t>(Reason::count)> rows = {{
    {Reason::ok, "ok", valid, false, N_("The key works: the API lists {models} for it."), "", "",
     N_("This key works.")},
    {Reason::malformed_key, "malformed_key", rejected, false, N_("This is not a well-formed key."),
     api_keys_page, new_key_label, not_a_usable_key},
    {Reason::admin_key, "admin_key", rejected, false,
     N_("This is an admin key (sk-admin-): it only works with the Administration API and cannot call models. "
        "Create a project API key instead."),
     api_keys_page, new_key_label, not_a_usable_key},
    {Reason::invalid_api_key, "invalid_api_key", rejected, false,
     N_("OpenAI does not accept this key: it is wrong, revoked or deleted. Create a new key."), api_keys_page,
     new_key_label, rejected_by_openai},
    {Reason::account_deactivated, "account_deactivated", rejected, false,
     N_("The OpenAI account that owns this key has been deactivated. Contact OpenAI's help center."),
     help_center, organization_label, rejected_by_openai},
    {Reason::no_organization, "no_organization", rejected, false,
     N_("The account behind this key is not a member of any organization, which the API requires."),
     organization_page, organization_label, rejected_by_openai},
    {Reason::mismatched_organization, "mismatched_organization", rejected, false,
     N_("The organization set for this check does not match the key's organization. Clear the organization "
        "setting or set the right one."),
     organization_page, organization_label, N_("The key is right, but the organization is not.")},
    {Reason::missing_scope, "missing_scope", limited, false,
     N_("This is a restricted key without permission to list models (missing scope api.model.read). It may "
        "still be able to generate; allow \"Models: Read\" to be sure."),
     key_permissions_page, N_("Change the key's permissions"),
     N_("This key is real, but it may not be allowed to do everything the app needs.")},
    {Reason::region_not_supported, "region_not_supported", limited, false,
     N_("OpenAI does not serve the country, region or territory this request comes from."),
     supported_countries_page, N_("See the supported countries and regions"), cannot_be_used},
    {Reason::ip_not_allowed, "ip_not_allowed", limited, false,
     N_("The key's project only accepts requests from allowed IP addresses, and this computer's address is "
        "not "
        "one of them."),
     organization_page, N_("How to fix this"), cannot_be_used},
    {Reason::insufficient_quota, "insufficient_quota", limited, false,
     N_("The key is real but the account has no credit left (quota exceeded). Add credit or check the plan "
        "and "
        "billing details."),
     billing_page, N_("Open billing settings"), cannot_be_used},
    {Reason::required_model_missing, "required_model_missing", limited, false,
     N_("The key works but cannot use the required {missing} (the API lists {models} for it)."), "", "",
     cannot_be_used},
    {Reason::rate_limited, "rate_limited", unverified, true,
     N_("OpenAI is limiting the rate of requests for this key right now{http}. Try again in a minute."), "",
     "", not_checked},
    {Reason::server_error, "server_error", unverified, true,
     N_("The server had a problem{http}, so the key could not be checked. Try again later."), status_page,
     status_label, not_checked},
    {Reason::not_found, "not_found", unverified, false,
     N_("There is no model list at this address (HTTP 404): the base URL is probably wrong. The usual one is "
        "https://api.openai.com/v1."),
     "", "", not_checked},
    {Reason::unexpected_response, "unexpected_response", unverified, false,
     N_("The server's answer{http} is not what the OpenAI API sends, so the key could not be checked."), "",
     "", not_checked},
    {Reason::redirect, "redirect", unverified, false,
     N_("The server answered with a redirect{http}, which is not followed for safety. Check the base URL."),
     "", "", not_checked},
    {Reason::too_large, "too_large", unverified, false,
     N_("The answer was larger than 4 MiB and was cut off: the base URL probably does not point to the "
        "OpenAI "
        "API."),
     "", "", not_checked},
    {Reason::timeout, "timeout", unverified, false,
     N_("The server did not answer in time. Check the network connection and try again."), "", "",
     not_checked},
    {Reason::dns, "dns", unverified, false,
     N_("The server's name could not be found. Check the network connection and the base URL."), "", "",
     not_checked},
    {Reason::connect, "connect", unverified, false,
     N_("Could not connect to the server. Check the network connection, a firewall, and the base URL."), "",
     "", not_checked},
    {Reason::connection_lost, "connection_lost", unverified, true,
     N_("The connection broke before the answer was complete. Try again."), "", "", not_checked},
    {Reason::proxy, "proxy", unverified, false,
     N_("The proxy failed or refused the connection. Check the proxy setting (or the HTTPS_PROXY variable)."),
     "", "", not_checked},
    {Reason::tls_certificate, "tls_certificate", unverified, false,
     N_("The server's certificate could not be verified. A network that intercepts secure connections, or "
        "the "
        "wrong CA file, can cause this."),
     "", "", not_checked},
    {Reason::tls, "tls", unverified, false,
     N_("A secure (TLS) connection to the server could not be set up."), "", "", not_checked},
    {Reason::ca_bundle, "ca_bundle", unverified, false,
     N_("The CA certificate file could not be used. Check the CA file setting."), "", "", not_checked},
    {Reason::cancelled, "cancelled", unverified, false, N_("The check was cancelled."), "", "",
     N_("The test was cancelled.")},
    {Reason::insecure_endpoint, "insecure_endpoint", unverified, false,
     N_("The base URL uses plain http:// to another computer, so the key would travel unencrypted. Use "
        "https://."),
     "", "", not_checked},
    {Reason::invalid_setting, "invalid_setting", unverified, false,
     N_("A connection setting cannot be used as it is."), "", "", not_checked},
    {Reason::model_not_allowed, "model_not_allowed", limited, false,
     N_("The key works, but it may not use the model it tried. Allow the model in the project's limits, or "
        "use "
        "a key of a project that may use it."),
     project_limits_page, N_("Open the project's model limits"),
     N_("This key may not use the model the app needs.")},
    {Reason::endpoint_changed, "endpoint_changed", unverified, false,
     N_("The stored key was not sent: the base URL differs from the one it was verified against."), "", "",
     not_checked},
    {Reason::mismatched_project, "mismatched_project", rejected, false,
     N_("The project set for this check does not match the key's project. Clear the project setting or set "
        "the key's own project."),
     api_keys_page, N_("See which project the key belongs to"),
     N_("The key is right, but the project is not.")},
    {Reason::no_key, "no_key", unverified, false,
     N_("There is no key to check: none is stored and OPENAI_API_KEY is not set."), "", "",
     N_("There is no key to test.")},
    {Reason::wrong_provider, "wrong_provider", rejected, false,
     N_("This key belongs to another provider, not to OpenAI, so it was not sent. Paste your OpenAI key."),
     api_keys_page, N_("Open OpenAI's API keys page"), not_a_usable_key},
}};

// A row left out leaves a value-initialised row (reason ok, no name) at the end; a row out of place names
// another reason. Either stops the build.
constexpr bool every_row_complete() {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ReasonRow& row = rows[i];
        if (static_cast<std::size_t>(row.reason) != i || row.name.empty() || row.message.empty() ||
            row.verdict.empty() || row.remedy_url.empty() != row.remedy_label.empty()) {
            return false;
        }
    }
    return true;
}
static_assert(every_row_complete(), "every Reason needs its own complete row, in the enum's order");

}  // namespace

const ReasonRow& reason_row(Reason reason) {
    const auto index = static_cast<std::size_t>(reason);
    // A value cast from outside the enum (a corrupt settings file is read by name, never by number) reads
    // as an unexpected response.
    return index < rows.size() ? rows[index] : rows[static_cast<std::size_t>(Reason::unexpected_response)];
}

}  // namespace keywizard::net
