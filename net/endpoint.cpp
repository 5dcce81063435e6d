#include "net/endpoint.h"

#include <sys/stat.h>

#include <algorithm>

#include "net/ascii.h"
#include "net/key_lint.h"
#include "net/printable_text.h"
#include "net/url.h"

// Marks English text for the catalog (xgettext --keyword=N_); the windows and the command line translate
// it where they show it. The stored and --json text stays English.
#define N_(text) text

namespace keywizard::net {
namespace {

constexpr std::size_t longest_id = 256;

bool is_host_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

EndpointIssue invalid(std::string problem) {
    return {Reason::invalid_setting, std::move(problem)};
}

std::string at_position(const BadCharacter& bad) {
    return bad.description + " at position " + std::to_string(bad.position);
}

// What libcurl could not read in the base URL, or what it read but the rules refuse, for a person. libcurl
// is lenient where these rules are not: it reads "https:///v1" as the server "v1" and drops a ':' with no
// port after it, so `authority` (what follows "://", up to the path) is looked at for those two.
std::optional<std::string> address_problem(std::string_view authority, const ParsedUrl& parsed) {
    if (authority.empty() || parsed.error == CURLUE_NO_HOST) {
        return N_("The base URL has no server name.");
    }
    switch (parsed.error) {
        case CURLUE_OK:
            break;
        case CURLUE_BAD_PORT_NUMBER:
            // An IPv6 address is only ever followed by ":port" (libcurl calls anything else a bad port).
            if (authority.starts_with('[') && !authority.substr(authority.find(']') + 1).starts_with(':')) {
                return N_("The base URL has something unexpected after its IPv6 address.");
            }
            return N_("The base URL's port must be a number from 1 to 65535.");
        case CURLUE_BAD_IPV6:
            return authority.find(']') == std::string_view::npos
                       ? N_("The base URL's IPv6 address has no closing ']'.")
                       : N_("The base URL's IPv6 address is not valid.");
        case CURLUE_BAD_LOGIN:
        case CURLUE_BAD_USER:
        case CURLUE_BAD_PASSWORD:
            return N_("The base URL must not contain a user name or password.");
        default:
            return N_("The base URL's server name may only contain letters, digits, '.', '-' and '_'.");
    }
    const UrlParts& url = parsed.parts;
    if (url.has_login) {
        return N_("The base URL must not contain a user name or password.");
    }
    if (authority.ends_with(':')) {
        return N_("The base URL has a ':' but no port number.");
    }
    if (!url.host.starts_with('[') && !std::all_of(url.host.begin(), url.host.end(), is_host_character)) {
        return N_("The base URL's server name may only contain letters, digits, '.', '-' and '_'.");
    }
    if (url.port == "0") {
        return N_("The base URL's port must be a number from 1 to 65535.");
    }
    return std::nullopt;
}

std::optional<EndpointIssue> base_url_issue(std::string_view url) {
    if (url.empty()) {
        return invalid(N_("The base URL is empty."));
    }
    if (const auto bad = find_first_character_outside(url, ascii::is_visible)) {
        return invalid("The base URL contains " + at_position(*bad) + ".");
    }
    const bool https = ascii::starts_with_ignoring_case(url, "https://");
    if (!https && !ascii::starts_with_ignoring_case(url, "http://")) {
        return invalid(N_("The base URL must start with https://."));
    }
    if (url.find_first_of("?#") != std::string_view::npos) {
        return invalid(N_("The base URL must not contain '?' or '#': \"/models\" is added to its end."));
    }
    const std::string_view after_scheme = url.substr(https ? 8 : 7);
    if (auto problem = address_problem(after_scheme.substr(0, after_scheme.find('/')), parse_url(url))) {
        return invalid(*problem);
    }
    if (!https && !is_loopback_url(url)) {
        return EndpointIssue{
            Reason::insecure_endpoint,
            N_("The base URL uses plain http:// to another computer, so the key would travel "
               "unencrypted. Use https:// (plain http is only allowed to this computer).")};
    }
    return std::nullopt;
}

std::optional<EndpointIssue> id_issue(std::string_view id, std::string_view what) {
    if (id.empty()) {
        return std::nullopt;
    }
    if (const auto bad = find_first_bad_character(id)) {
        return invalid("The " + std::string(what) + " contains " + at_position(*bad) +
                       "; it may only contain letters, digits, '-' and '_'.");
    }
    if (id.size() > longest_id) {
        return invalid("The " + std::string(what) + " is too long: " + std::to_string(id.size()) +
                       " characters.");
    }
    return std::nullopt;
}

// libcurl would open a FIFO and wait for a writer forever (no timeout covers reading the CA file), and read
// a device such as /dev/zero until memory runs out. A missing file is left to libcurl, which says so.
std::optional<std::string> ca_file_problem(const std::string& ca_file) {
    struct stat st {};
    if (ca_file.empty() || ::stat(ca_file.c_str(), &st) != 0 || S_ISREG(st.st_mode)) {
        return std::nullopt;
    }
    const char* kind = S_ISDIR(st.st_mode)                          ? "a directory"
                       : S_ISFIFO(st.st_mode)                       ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                    : "not a regular file";
    return "The CA file " + printable_text(ca_file) + " is " + kind +
           ", not a regular file; give the path of a PEM certificate bundle.";
}

}  // namespace

std::optional<EndpointIssue> find_endpoint_issue(const Endpoint& endpoint) {
    if (auto issue = base_url_issue(endpoint.base_url)) {
        return issue;
    }
    if (auto issue = id_issue(endpoint.organization, "organization ID")) {
        return issue;
    }
    if (auto issue = id_issue(endpoint.project, "project ID")) {
        return issue;
    }
    // Control characters would split the proxy string libcurl parses; a space is never part of a URL.
    if (const auto bad = find_first_character_outside(endpoint.proxy, ascii::is_visible)) {
        return invalid("The proxy setting contains " + at_position(*bad) + ".");
    }
    if (endpoint.ca_file.find('\0') != std::string::npos) {
        return invalid(N_("The CA file path contains a NUL character."));
    }
    if (auto problem = ca_file_problem(endpoint.ca_file)) {
        return EndpointIssue{Reason::ca_bundle, std::move(*problem)};
    }
    if (endpoint.timeout < std::chrono::seconds(1)) {
        return invalid(N_("The timeout must be at least 1 second."));
    }
    return std::nullopt;
}

std::optional<std::string> endpoint_problem(const Endpoint& endpoint) {
    if (auto issue = find_endpoint_issue(endpoint)) {
        return std::move(issue->problem);
    }
    return std::nullopt;
}

std::string models_url(const Endpoint& endpoint) {
    return url_below(endpoint.base_url, "models");
}

}  // namespace keywizard::net
