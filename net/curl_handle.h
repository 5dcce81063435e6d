#pragma once

#include "net/libcurl_api.h"

#include <string>

namespace keywizard::net {

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

}  // namespace keywizard::net
