#pragma once

#include "net/libcurl_api.h"

#include <optional>
#include <string>
#include <string_view>

// URLs as libcurl reads them (its CURLU parser): the base URL's rules, the request's checks and the
// request's URL all see the same parts libcurl will connect to.
namespace keywizard::net {

struct UrlParts {
    std::string scheme;               // lower case
    std::string host;                 // IPv6 literals keep their brackets; IPv4 as libcurl writes it ("127.1"
                                      // reads as 127.0.0.1)
    std::optional<std::string> port;  // as written, when the URL gives one
    bool has_login = false;           // a user name or password, even an empty one ("https://@host")
    std::string path;
};

struct ParsedUrl {
    CURLUcode error = CURLUE_OK;  // CURLUE_MALFORMED_INPUT for a space, control or non-ASCII character too
    UrlParts parts;               // only when error is CURLUE_OK
};

ParsedUrl parse_url(std::string_view url);

// `base` with the trailing slashes of its path dropped and "/" + `below` added ("models",
// "chat/completions"); empty when libcurl cannot read `base`.
std::string url_below(std::string_view base, std::string_view below);

// True for localhost, 127.0.0.0/8 and [::1], as UrlParts::host writes them.
bool is_loopback_host(std::string_view host);

// True when the URL is http:// or https:// to 127.0.0.0/8, ::1 or localhost.
bool is_loopback_url(std::string_view url);

}  // namespace keywizard::net
