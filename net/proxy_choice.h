#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace keywizard::net {

// libcurl 7.88 cannot say after a failed transfer whether it went through a proxy (CURLINFO_USED_PROXY came
// in 8.7), yet "the proxy refused" and "the server refused" need different advice. So we make libcurl's
// choice ourselves, with its documented rules, and hand it the answer explicitly (CURLOPT_PROXY, and an
// empty CURLOPT_NOPROXY so the environment is not applied a second time).
struct ProxyChoice {
    std::string url;     // empty: connect directly
    std::string source;  // where it came from, for diagnostics: "proxy option", "HTTPS_PROXY", ...
};

using EnvironmentLookup = std::function<const char*(const char* name)>;

// scheme is "http" or "https"; host is the URL's host (IPv6 with or without brackets). An explicit proxy
// wins over the environment (<scheme>_proxy, HTTPS_PROXY for https only, all_proxy, ALL_PROXY; empty values
// count as unset); no_proxy / NO_PROXY applies to both, as in libcurl.
ProxyChoice choose_proxy(std::string_view scheme, std::string_view host, std::string_view explicit_proxy,
                         const EnvironmentLookup& environment);

// libcurl's no_proxy rules (lib/noproxy.c, 7.86+): "*" alone matches everything; entries are separated by
// commas or blanks; a host name matches an entry equal to it or a parent domain (leading and trailing dots
// ignored); an IP address matches an equal address or a CIDR block such as 127.0.0.0/8.
bool no_proxy_matches(std::string_view host, std::string_view no_proxy_list);

}  // namespace keywizard::net
