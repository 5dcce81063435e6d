#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/cancel_token.h"
#include "net/check_outcome.h"

namespace keywizard::net {

// Unsets SSLKEYLOGFILE once, before any other thread exists (DESIGN: "once at start"). Idempotent. libcurl's
// OpenSSL backend would write every connection's TLS secrets, enough to decrypt the request carrying the
// key, to the file it names; it reads the variable in curl_global_init, which runs when libcurl is first
// loaded (net/libcurl_api.h), after this.
void init_http_globally();

// Why no request may be sent now, or nothing: SSLKEYLOGFILE is still set (a host process that initialised
// libcurl itself before init_http_globally could unset it). check_key and http_get refuse before any I/O.
std::optional<std::string> tls_key_log_problem();

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string url;
    HeaderList headers;   // names and values are checked: no CR, LF, NUL or non-ASCII
    std::string ca_file;  // empty: the system store
    std::string proxy;    // empty: libcurl's proxy variables (HTTPS_PROXY, NO_PROXY, ...)
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{30'000};
    std::chrono::seconds low_speed_time{10};  // abort when under 1 byte/s for this long
    std::size_t max_body_bytes = 4 * 1024 * 1024;
    CancelTokenPtr cancel;  // may be null
};

// A value: transport outcome and HTTP status are separate fields (cpr, Audacity's IResponse).
struct HttpResponse {
    // What went wrong below HTTP, as the Reason a check reports it; ok means a status line and headers
    // arrived (and the body, whole). A URL or header that cannot be sent as is, so that nothing left this
    // process, is invalid_setting.
    Reason error = Reason::ok;
    // With unexpected_response: the reply is not valid HTTP (no status line, or a header over libcurl's
    // limit). Without it, unexpected_response is a failure nobody foresaw.
    bool reply_not_http = false;
    std::string error_detail;  // libcurl's error buffer or our own reason; never contains request headers
    long status = 0;           // 0 when no status line arrived
    HeaderList headers;        // names lower-cased, in arrival order, of the final response only
    std::string body;          // at most max_body_bytes
    TransferTimings timings;
    bool via_proxy = false;  // the transfer went (or tried to go) through a proxy

    // First header with this (case-insensitive) name.
    std::optional<std::string> header(std::string_view name) const;
};

class CurlHandle;
class CurlMulti;

// Blocking requests that may share one connection. A check's GET /models, its retry and the generation
// probe's POST go to the same server: the second request reuses the first one's TCP connection and TLS
// session instead of a new handshake (libcurl keeps live connections in the multi handle across transfers).
// Every request gets DESIGN.md's network rules set again from scratch (curl_easy_reset), so nothing of one
// request's options or headers reaches the next; libcurl reuses a connection only for the same host, port,
// proxy and TLS settings. One transfer at a time: a session belongs to one thread.
class HttpSession {
  public:
    HttpSession();
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    // GET following DESIGN.md's network rules: https (http only to loopback), TLS verification always on,
    // no redirects followed, no .netrc/cookies/verbose, NOSIGNAL, cap and cancel in the callbacks.
    HttpResponse get(const HttpRequest& request);
    // The same rules for one POST of `body` (the caller sets Content-Type). Never retried here.
    HttpResponse post(const HttpRequest& request, const std::string& body);

  private:
    HttpResponse perform(const HttpRequest& request, const std::string* post_body);

    // Made at the first request that passes the checks before I/O. The multi handle goes last: it holds
    // the connections, and the easy handle must leave it before either is cleaned up.
    std::unique_ptr<CurlMulti> multi_;
    std::unique_ptr<CurlHandle> curl_;
};

// One GET on a connection of its own (HttpSession::get in a session that ends with it).
HttpResponse http_get(const HttpRequest& request);

}  // namespace keywizard::net
