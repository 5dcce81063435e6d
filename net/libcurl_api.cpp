#include "net/libcurl_api.h"

#include <utility>

namespace keywizard::net {
namespace {

// libcurl swaps the process's SIGPIPE handler around every call on a handle without NOSIGNAL, cleanup and
// reset included: a process-wide change from a worker thread, racing with the host's own handlers. So a
// handle never spends a moment without it, from init through every reset to cleanup.
void keep_signals_alone(CURL* handle) noexcept {
    if (handle != nullptr) {
        libcurl().curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    }
}

// Codes whose meaning does not depend on how the transfer went. Anything absent is `other`.
Reason plain_mapping(CURLcode code) {
    switch (code) {
        case CURLE_OK:
            return Reason::ok;

        case CURLE_OPERATION_TIMEDOUT:  // total timeout and the low-speed abort both end here
            return Reason::timeout;

        case CURLE_COULDNT_RESOLVE_HOST:
            return Reason::dns;

        case CURLE_COULDNT_CONNECT:
        case CURLE_INTERFACE_FAILED:
        case CURLE_NO_CONNECTION_AVAILABLE:
            return Reason::connect;

        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SEND_FAIL_REWIND:
        case CURLE_SSL_SHUTDOWN_FAILED:
            return Reason::connection_lost;

        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_PROXY:
            return Reason::proxy;

        // OpenSSL reports an unknown CA, an expired certificate and (libcurl's own check) a wrong host name
        // as PEER_FAILED_VERIFICATION; the others are rarer ways for the certificate to be refused.
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return Reason::tls_certificate;

        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return Reason::tls;

        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CRL_BADFILE:
            return Reason::ca_bundle;

        case CURLE_ABORTED_BY_CALLBACK:
            return Reason::cancelled;

        case CURLE_FILESIZE_EXCEEDED:
            return Reason::too_large;

        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return Reason::invalid_setting;

        default:  // nobody foresaw it
            return Reason::unexpected_response;
    }
}

constexpr const char* library_name = "libcurl.so.4";  // Debian package libcurl4

LibcurlLoad load() {
    // RTLD_LAZY, as when linked: libcurl and its 25 libraries bind only the functions a request calls.
    void* library = dlopen(library_name, RTLD_LAZY | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = dlerror();
        return {nullptr, std::string("keywizard could not load libcurl, which it sends requests with (") +
                             (why ? why : library_name) + "): install libcurl4 to check a key"};
    }
    static LibcurlApi api;
    std::string missing;
#define KEYWIZARD_LIBCURL_RESOLVE(name) resolve(library, #name, api.name, missing);
    KEYWIZARD_LIBCURL_FUNCTIONS(KEYWIZARD_LIBCURL_RESOLVE)
#undef KEYWIZARD_LIBCURL_RESOLVE
    if (!missing.empty()) {
        return {nullptr, too_old(library_name, missing)};
    }
    // A failure here leaves libcurl to retry in curl_easy_init, which then fails the request cleanly. libcurl
    // reads SSLKEYLOGFILE here: init_http_globally() has taken it out of the environment before.
    (void)api.curl_global_init(CURL_GLOBAL_DEFAULT);
    return {&api, {}};
}

}  // namespace

const LibcurlLoad& load_libcurl() {
    static const LibcurlLoad loaded = load();  // C++11 static initialisation is thread-safe
    return loaded;
}

CurlHandle::CurlHandle() : handle_(load_libcurl().api ? libcurl().curl_easy_init() : nullptr) {
    keep_signals_alone(handle_);
}

CurlHandle::~CurlHandle() {
    release();
}

CurlHandle::CurlHandle(CurlHandle&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), headers_(std::exchange(other.headers_, nullptr)) {}

CurlHandle& CurlHandle::operator=(CurlHandle&& other) noexcept {
    if (this != &other) {
        release();
        handle_ = std::exchange(other.handle_, nullptr);
        headers_ = std::exchange(other.headers_, nullptr);
    }
    return *this;
}

void CurlHandle::release() noexcept {
    // The easy handle goes first: it may still point at the header list.
    if (handle_ != nullptr) {
        libcurl().curl_easy_cleanup(handle_);
        handle_ = nullptr;
    }
    if (headers_ != nullptr) {
        libcurl().curl_slist_free_all(headers_);
        headers_ = nullptr;
    }
}

void CurlHandle::reset_options() noexcept {
    if (handle_ != nullptr) {
        libcurl().curl_easy_reset(handle_);  // first: the handle must stop pointing at the list
        keep_signals_alone(handle_);         // the reset turned NOSIGNAL off again
    }
    if (headers_ != nullptr) {
        libcurl().curl_slist_free_all(headers_);
        headers_ = nullptr;
    }
}

CURLcode CurlHandle::set(CURLoption option, long value) {
    return libcurl().curl_easy_setopt(handle_, option, value);
}

CURLcode CurlHandle::set(CURLoption option, const std::string& value) {
    return libcurl().curl_easy_setopt(handle_, option, value.c_str());
}

CURLcode CurlHandle::set_pointer(CURLoption option, void* pointer) {
    return libcurl().curl_easy_setopt(handle_, option, pointer);
}

bool CurlHandle::append_header(const std::string& line) {
    curl_slist* grown = libcurl().curl_slist_append(headers_, line.c_str());
    if (grown == nullptr) {
        return false;  // out of memory; the old list is still owned and freed by release()
    }
    headers_ = grown;
    return true;
}

CURLcode CurlHandle::apply_headers() {
    return libcurl().curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers_);
}

CurlMulti::CurlMulti() : handle_(load_libcurl().api ? libcurl().curl_multi_init() : nullptr) {}

CurlMulti::~CurlMulti() {
    if (handle_ != nullptr) {
        libcurl().curl_multi_cleanup(handle_);  // closes the connections it kept
    }
}

bool is_reply_not_http(CURLcode code, const TransferFacts& facts) {
    // libcurl 7.88 reports a reply without a status line as an unsupported protocol (it was "HTTP/0.9"),
    // and a header line over its 100 KB limit as out of memory: both are the server's doing, not ours.
    return code == CURLE_WEIRD_SERVER_REPLY ||
           (code == CURLE_UNSUPPORTED_PROTOCOL && facts.reply_without_status_line) ||
           (code == CURLE_OUT_OF_MEMORY && facts.reply_started);
}

Reason transport_reason_for(CURLcode code, const TransferFacts& facts) {
    // Our own callbacks stop the transfer by refusing bytes; libcurl then says WRITE_ERROR.
    if (code == CURLE_WRITE_ERROR && facts.body_over_cap) {
        return Reason::too_large;
    }
    if (facts.via_proxy) {
        // With an HTTP proxy the target is never contacted directly: a refused connection is the proxy's,
        // and a CONNECT answered with anything but 2xx (407, 403, 502) surfaces as RECV_ERROR.
        if (code == CURLE_COULDNT_CONNECT) {
            return Reason::proxy;
        }
        if (code == CURLE_RECV_ERROR && facts.proxy_connect_code != 0 &&
            (facts.proxy_connect_code < 200 || facts.proxy_connect_code > 299)) {
            return Reason::proxy;
        }
        if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
            return Reason::proxy;  // only the proxy's name is looked up here
        }
    }
    if (is_reply_not_http(code, facts)) {
        return Reason::unexpected_response;
    }
    // A resolver that never answers ends as a timeout, but the person needs to hear it is DNS.
    if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
        return Reason::dns;
    }
    return plain_mapping(code);
}

}  // namespace keywizard::net
