#include "net/curl_handle.h"

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

}  // namespace

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

}  // namespace keywizard::net
