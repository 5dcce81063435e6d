#include "net/url.h"

#include <arpa/inet.h>

#include <memory>

#include "net/ascii.h"

namespace keywizard::net {
namespace {

// Cleans up through the loaded library; a null handle (libcurl not loaded, out of memory) needs nothing.
struct UrlCleanup {
    void operator()(CURLU* handle) const { libcurl().curl_url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlCleanup>;

UrlHandle new_url_handle() {
    return UrlHandle(load_libcurl().api ? libcurl().curl_url() : nullptr);
}

// libcurl 7.88 would keep a space, CR or LF in a URL and send it as is: such a URL is refused here.
CURLUcode read_url(std::string_view url, UrlHandle& handle) {
    if (!ascii::is_visible(url)) {
        return CURLUE_MALFORMED_INPUT;
    }
    if (!handle) {
        return CURLUE_OUT_OF_MEMORY;
    }
    return libcurl().curl_url_set(handle.get(), CURLUPART_URL, std::string(url).c_str(), 0);
}

std::optional<std::string> part_of(const UrlHandle& handle, CURLUPart which) {
    char* text = nullptr;
    if (libcurl().curl_url_get(handle.get(), which, &text, 0) != CURLUE_OK || text == nullptr) {
        return std::nullopt;
    }
    std::string copy(text);
    libcurl().curl_free(text);
    return copy;
}

}  // namespace

ParsedUrl parse_url(std::string_view url) {
    ParsedUrl parsed;
    UrlHandle handle = new_url_handle();
    parsed.error = read_url(url, handle);
    if (parsed.error != CURLUE_OK) {
        return parsed;
    }
    UrlParts& parts = parsed.parts;
    parts.scheme = ascii::lowered(part_of(handle, CURLUPART_SCHEME).value_or(""));
    parts.host = part_of(handle, CURLUPART_HOST).value_or("");
    parts.port = part_of(handle, CURLUPART_PORT);
    parts.has_login = part_of(handle, CURLUPART_USER) || part_of(handle, CURLUPART_PASSWORD);
    parts.path = part_of(handle, CURLUPART_PATH).value_or("/");
    return parsed;
}

std::string url_below(std::string_view base, std::string_view below) {
    UrlHandle handle = new_url_handle();
    if (read_url(base, handle) != CURLUE_OK) {
        return {};
    }
    std::string path = part_of(handle, CURLUPART_PATH).value_or("");
    while (path.ends_with('/')) {
        path.pop_back();
    }
    path.append("/").append(below);
    if (libcurl().curl_url_set(handle.get(), CURLUPART_PATH, path.c_str(), 0) != CURLUE_OK) {
        return {};
    }
    return part_of(handle, CURLUPART_URL).value_or("");
}

bool is_loopback_host(std::string_view host) {
    if (ascii::equal_ignoring_case(host, "localhost")) {
        return true;  // libcurl resolves "localhost" itself (7.78+), never through DNS
    }
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        const std::string literal(host.substr(1, host.size() - 2));
        in6_addr address{};
        return inet_pton(AF_INET6, literal.c_str(), &address) == 1 && IN6_IS_ADDR_LOOPBACK(&address);
    }
    const std::string literal(host);
    in_addr address{};
    return inet_pton(AF_INET, literal.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

bool is_loopback_url(std::string_view url) {
    const ParsedUrl parsed = parse_url(url);
    return parsed.error == CURLUE_OK && (parsed.parts.scheme == "http" || parsed.parts.scheme == "https") &&
           is_loopback_host(parsed.parts.host);
}

}  // namespace keywizard::net
