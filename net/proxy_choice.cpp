#include "net/proxy_choice.h"

#include <arpa/inet.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "net/ascii.h"

namespace keywizard::net {

namespace {

std::string_view strip_brackets(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    return host.substr(0, host.find('%'));  // an IPv6 zone id is not part of the address
}

// Network-order bytes of an IPv4 (4) or IPv6 (16) literal.
struct IpAddress {
    int family = 0;
    std::array<unsigned char, 16> bytes{};
    std::size_t size() const { return family == AF_INET ? 4 : 16; }
};

std::optional<IpAddress> parse_ip(std::string_view text) {
    const std::string copy(strip_brackets(text));
    IpAddress address;
    if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1) {
        address.family = AF_INET;
        return address;
    }
    if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) == 1) {
        address.family = AF_INET6;
        return address;
    }
    return std::nullopt;
}

bool ip_matches(const IpAddress& host, std::string_view entry) {
    std::string_view network_text = entry;
    std::optional<std::size_t> prefix_bits;
    if (const auto slash = entry.find('/'); slash != std::string_view::npos) {
        network_text = entry.substr(0, slash);
        prefix_bits = static_cast<std::size_t>(std::atoi(std::string(entry.substr(slash + 1)).c_str()));
    }
    const auto network = parse_ip(network_text);
    if (!network || network->family != host.family) {
        return false;
    }
    const std::size_t all_bits = host.size() * 8;
    // libcurl treats "/0" (and a missing or silly prefix) as "the whole address".
    const std::size_t bits =
        (!prefix_bits || *prefix_bits == 0 || *prefix_bits > all_bits) ? all_bits : *prefix_bits;
    for (std::size_t bit = 0; bit < bits; bit += 8) {
        const std::size_t index = bit / 8;
        const std::size_t remaining = bits - bit;
        const unsigned mask = remaining >= 8 ? 0xffu : (0xffu << (8 - remaining)) & 0xffu;
        if ((host.bytes[index] & mask) != (network->bytes[index] & mask)) {
            return false;
        }
    }
    return true;
}

bool host_name_matches(std::string_view name, std::string_view entry) {
    if (!entry.empty() && entry.back() == '.') {
        entry.remove_suffix(1);
    }
    if (!entry.empty() && entry.front() == '.') {
        entry.remove_prefix(1);
    }
    if (entry.empty()) {
        return false;
    }
    if (entry.size() == name.size()) {
        return ascii::equal_ignoring_case(entry, name);
    }
    if (entry.size() < name.size()) {
        const std::size_t start = name.size() - entry.size();
        return name[start - 1] == '.' && ascii::equal_ignoring_case(entry, name.substr(start));
    }
    return false;
}

const char* non_empty(const EnvironmentLookup& environment, const char* name) {
    const char* value = environment(name);
    return (value != nullptr && value[0] != '\0') ? value : nullptr;
}

}  // namespace

bool no_proxy_matches(std::string_view host, std::string_view no_proxy_list) {
    if (host.empty() || no_proxy_list.empty()) {
        return false;
    }
    if (no_proxy_list == "*") {
        return true;
    }
    const auto host_ip = parse_ip(host);
    std::string_view host_name = host;
    if (!host_ip && host_name.back() == '.') {
        host_name.remove_suffix(1);
    }
    std::size_t position = 0;
    while (position < no_proxy_list.size()) {
        const std::size_t end = no_proxy_list.find_first_of(", \t", position);
        const std::string_view entry = no_proxy_list.substr(
            position, end == std::string_view::npos ? std::string_view::npos : end - position);
        if (!entry.empty()) {
            const bool match = host_ip ? ip_matches(*host_ip, entry) : host_name_matches(host_name, entry);
            if (match) {
                return true;
            }
        }
        if (end == std::string_view::npos) {
            break;
        }
        position = end + 1;
    }
    return false;
}

ProxyChoice choose_proxy(std::string_view scheme, std::string_view host, std::string_view explicit_proxy,
                         const EnvironmentLookup& environment) {
    ProxyChoice choice;
    if (!explicit_proxy.empty()) {
        choice = {std::string(explicit_proxy), "proxy option"};
    } else {
        // libcurl never reads HTTP_PROXY in upper case (CGI programs get it from a request header).
        const bool https = scheme == "https";
        const char* const names[] = {https ? "https_proxy" : "http_proxy", https ? "HTTPS_PROXY" : nullptr,
                                     "all_proxy", "ALL_PROXY"};
        for (const char* name : names) {
            if (name == nullptr) {
                continue;
            }
            if (const char* value = non_empty(environment, name)) {
                choice = {value, name};
                break;
            }
        }
    }
    if (choice.url.empty()) {
        return choice;
    }
    const char* no_proxy = non_empty(environment, "no_proxy");
    if (no_proxy == nullptr) {
        no_proxy = non_empty(environment, "NO_PROXY");
    }
    if (no_proxy != nullptr && no_proxy_matches(strip_brackets(host), no_proxy)) {
        return {};
    }
    return choice;
}

}  // namespace keywizard::net
