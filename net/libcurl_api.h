#pragma once
// libcurl's functions, loaded with dlopen the first time a URL is read or a request is sent. keywizard is
// not linked against libcurl: the wizard's first page and the commands that send nothing (show, forget,
// --help) start without mapping and relocating libcurl and the 25 libraries it brings (TLS, HTTP/2, LDAP,
// Kerberos...; about 12 ms and 5 MiB: docs/benchmarks.md), and a machine without libcurl gets a clear
// message from a check instead of a program that cannot start.
//
// Only the header's types and constants are used directly (CURL_DISABLE_TYPECHECK: curl.h's type-checking
// macros would expand these members' names; CurlHandle's typed setters do that job).
//
// Also here, as the rest of libcurl's API keywizard touches: the owners of its handles, and what its codes
// mean for a check.
#include <curl/curl.h>

#include <string>

#include "net/check_outcome.h"
#include "net/run_time_library.h"

namespace keywizard::net {

#define KEYWIZARD_LIBCURL_FUNCTIONS(X) \
    X(curl_easy_cleanup)               \
    X(curl_easy_getinfo)               \
    X(curl_easy_init)                  \
    X(curl_easy_perform)               \
    X(curl_easy_reset)                 \
    X(curl_easy_setopt)                \
    X(curl_easy_strerror)              \
    X(curl_free)                       \
    X(curl_multi_add_handle)           \
    X(curl_multi_cleanup)              \
    X(curl_multi_info_read)            \
    X(curl_multi_init)                 \
    X(curl_multi_perform)              \
    X(curl_multi_poll)                 \
    X(curl_multi_remove_handle)        \
    X(curl_multi_wakeup)               \
    X(curl_global_init)                \
    X(curl_slist_append)               \
    X(curl_slist_free_all)             \
    X(curl_url)                        \
    X(curl_url_cleanup)                \
    X(curl_url_get)                    \
    X(curl_url_set)

// One pointer per function, named like the function.
struct LibcurlApi {
    KEYWIZARD_LIBCURL_FUNCTIONS(KEYWIZARD_RUN_TIME_FUNCTION)
};
using LibcurlLoad = RunTimeLibrary<LibcurlApi>;

// Loads libcurl once per process (thread-safe) and initialises it (curl_global_init, thread-safe since
// libcurl 7.84); returns the same result every time after that.
const LibcurlLoad& load_libcurl();

// The loaded functions. Only for code that runs after load_libcurl() succeeded.
inline const LibcurlApi& libcurl() {
    return *load_libcurl().api;
}

// The one owner of a CURL easy handle and the header list it points to (cpr's CurlHolder). Move-only, so a
// handle can be returned from a builder but never cleaned up twice. Every setter returns libcurl's code:
// callers check each one instead of assuming an option took.
class CurlHandle {
  public:
    CurlHandle();
    ~CurlHandle();
    CurlHandle(CurlHandle&& other) noexcept;
    CurlHandle& operator=(CurlHandle&& other) noexcept;
    CurlHandle(const CurlHandle&) = delete;
    CurlHandle& operator=(const CurlHandle&) = delete;

    // False when curl_easy_init failed (out of memory) or libcurl is not loaded; no setter may be called
    // then.
    explicit operator bool() const { return handle_ != nullptr; }
    CURL* get() const { return handle_; }

    // libcurl reads numeric options through varargs as `long`; these overloads make that type explicit so
    // an `int` or `bool` can never slip through (a classic source of silent misconfiguration).
    CURLcode set(CURLoption option, long value);
    CURLcode set(CURLoption option, const std::string& value);  // libcurl copies strings
    CURLcode set_pointer(CURLoption option, void* pointer);
    template <typename Function>
    CURLcode set_callback(CURLoption option, Function* function) {
        return libcurl().curl_easy_setopt(handle_, option, function);
    }

    // Appends "Name: value" to the header list handed to CURLOPT_HTTPHEADER. The list lives as long as the
    // handle because libcurl does not copy it.
    bool append_header(const std::string& line);
    CURLcode apply_headers();

    // Back to libcurl's defaults for the next transfer (curl_easy_reset), freeing the header list (it holds
    // the key). The live connection, TLS session and DNS cache stay: that is what a second request reuses.
    void reset_options() noexcept;

  private:
    void release() noexcept;

    CURL* handle_ = nullptr;
    curl_slist* headers_ = nullptr;
};

// The one owner of a CURLM multi handle: where a session's transfers run, so that a poll can be woken from
// another thread (a cancel) and the live connections outlast each transfer. Made on first use.
class CurlMulti {
  public:
    CurlMulti();
    ~CurlMulti();
    CurlMulti(const CurlMulti&) = delete;
    CurlMulti& operator=(const CurlMulti&) = delete;

    explicit operator bool() const { return handle_ != nullptr; }
    CURLM* get() const { return handle_; }

  private:
    CURLM* handle_ = nullptr;
};

// What the transfer knew besides libcurl's code, needed where one code means two things.
struct TransferFacts {
    bool body_over_cap = false;        // our write/header callback refused data past the cap
    bool via_proxy = false;            // a proxy was in effect for this transfer (we decide that ourselves)
    long proxy_connect_code = 0;       // CURLINFO_HTTP_CONNECTCODE: the proxy's answer to CONNECT, 0 if none
    bool timed_out_resolving = false;  // libcurl's error text says the name lookup was still running
    bool reply_started = false;        // the first byte of the reply had arrived (CURLINFO_STARTTRANSFER)
    bool reply_without_status_line = false;  // libcurl's error text: "Received HTTP/0.9 when not allowed"
};

// The one table from libcurl's codes to the reasons a check reports (ok for CURLE_OK).
Reason transport_reason_for(CURLcode code, const TransferFacts& facts);

// True when the server's reply is not HTTP at all; transport_reason_for says unexpected_response then.
bool is_reply_not_http(CURLcode code, const TransferFacts& facts);

}  // namespace keywizard::net
