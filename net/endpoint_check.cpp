#include "net/endpoint_check.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>

#include "net/http_client.h"
#include "net/key_characters.h"
#include "net/printable_text.h"

namespace keywizard::net {
namespace {

constexpr std::size_t longest_id = 256;

bool is_visible_ascii(char c) {
    return c > 0x20 && c < 0x7F;
}
bool is_host_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
}
bool is_ipv6_character(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
}

EndpointIssue invalid(std::string problem) {
    return {Reason::invalid_setting, std::move(problem)};
}

std::string at_position(const BadCharacter& bad) {
    return bad.description + " at position " + std::to_string(bad.position);
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

std::optional<std::string> host_and_port_problem(std::string_view authority) {
    if (authority.empty()) {
        return "The base URL has no server name.";
    }
    if (authority.find('@') != std::string_view::npos) {
        return "The base URL must not contain a user name or password.";
    }
    std::string_view host = authority;
    std::string_view port;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            return "The base URL's IPv6 address has no closing ']'.";
        }
        host = authority.substr(1, close - 1);
        const std::string_view rest = authority.substr(close + 1);
        if (!rest.empty() && rest.front() != ':') {
            return "The base URL has something unexpected after its IPv6 address.";
        }
        if (rest == ":") {
            return "The base URL has a ':' but no port number.";
        }
        port = rest.empty() ? rest : rest.substr(1);
        if (host.empty() || !std::all_of(host.begin(), host.end(), is_ipv6_character)) {
            return "The base URL's IPv6 address is not valid.";
        }
    } else {
        const std::size_t colon = authority.find(':');
        if (colon != std::string_view::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
            if (port.empty()) {
                return "The base URL has a ':' but no port number.";
            }
        }
        if (host.empty() || !std::all_of(host.begin(), host.end(), is_host_character)) {
            return "The base URL's server name may only contain letters, digits, '.', '-' and '_'.";
        }
    }
    if (!port.empty()) {
        const bool digits = port.size() <= 5 && std::all_of(port.begin(), port.end(), [](char c) {
                                return std::isdigit(static_cast<unsigned char>(c));
                            });
        if (!digits || std::stol(std::string(port)) < 1 || std::stol(std::string(port)) > 65535) {
            return "The base URL's port must be a number from 1 to 65535.";
        }
    }
    return std::nullopt;
}

std::optional<EndpointIssue> base_url_issue(std::string_view url) {
    if (url.empty()) {
        return invalid("The base URL is empty.");
    }
    if (const auto bad = find_first_character_outside(url, is_visible_ascii)) {
        return invalid("The base URL contains " + at_position(*bad) + ".");
    }
    const bool https = starts_with_ignoring_case(url, "https://");
    const bool http = starts_with_ignoring_case(url, "http://");
    if (!https && !http) {
        return invalid("The base URL must start with https://.");
    }
    if (url.find_first_of("?#") != std::string_view::npos) {
        return invalid("The base URL must not contain '?' or '#': \"/models\" is added to its end.");
    }
    const std::string_view rest = url.substr(https ? 8 : 7);
    const std::string_view authority = rest.substr(0, rest.find('/'));
    if (const auto problem = host_and_port_problem(authority)) {
        return invalid(*problem);
    }
    if (http && !is_loopback_url(url)) {
        return EndpointIssue{Reason::insecure_endpoint,
                             "The base URL uses plain http:// to another computer, so the key would travel "
                             "unencrypted. Use https:// (plain http is only allowed to this computer)."};
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
    if (const auto bad = find_first_character_outside(endpoint.proxy, is_visible_ascii)) {
        return invalid("The proxy setting contains " + at_position(*bad) + ".");
    }
    if (endpoint.ca_file.find('\0') != std::string::npos) {
        return invalid("The CA file path contains a NUL character.");
    }
    if (auto problem = ca_file_problem(endpoint.ca_file)) {
        return EndpointIssue{Reason::ca_bundle, std::move(*problem)};
    }
    if (endpoint.timeout < std::chrono::seconds(1)) {
        return invalid("The timeout must be at least 1 second.");
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
    std::string_view base = endpoint.base_url;
    while (base.ends_with('/')) {
        base.remove_suffix(1);
    }
    return std::string(base) + "/models";
}

}  // namespace keywizard::net
