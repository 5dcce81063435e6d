#include "net/http_client.h"

#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

#include "net/ascii.h"
#include "net/libcurl_api.h"
#include "net/proxy_choice.h"
#include "net/url.h"

namespace keywizard::net {

namespace {

// Response headers are small; a server sending more than this is not the API, and we stop reading.
constexpr std::size_t max_header_bytes = 256 * 1024;

// Blanks around a header's name and value, and the line end.
std::string_view trim_blanks(std::string_view text) {
    return ascii::trim(text, " \t\r\n");
}

// RFC 9110 token characters.
bool is_header_name(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    for (unsigned char c : name) {
        const bool token = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
        if (!token) {
            return false;
        }
    }
    return true;
}

// Printable ASCII and tabs: no CR/LF (header injection), no NUL (truncation), no bytes a server may decode
// differently than we meant.
bool is_header_value(std::string_view value) {
    for (unsigned char c : value) {
        if ((c < 0x20 && c != '\t') || c > 0x7e) {
            return false;
        }
    }
    return true;
}

// Everything the callbacks touch during one transfer.
struct Transfer {
    HttpResponse& response;
    std::size_t max_body_bytes;
    CancelToken* cancel;
    std::size_t header_bytes = 0;
    bool over_cap = false;
};

// libcurl calls these from inside curl_easy_perform, across a C boundary: nothing may throw out of them.
// Returning a count other than the one offered makes libcurl abort with CURLE_WRITE_ERROR.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    try {
        if (transfer.response.body.size() + bytes > transfer.max_body_bytes) {
            // Checked here, not with CURLOPT_MAXFILESIZE: that one only knows Content-Length, and a chunked
            // body has none.
            transfer.over_cap = true;
            return 0;
        }
        transfer.response.body.append(data, bytes);
        return bytes;
    } catch (...) {
        return 0;  // out of memory: libcurl reports a write error
    }
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    try {
        transfer.header_bytes += bytes;
        if (transfer.header_bytes > max_header_bytes) {
            transfer.over_cap = true;
            return 0;
        }
        const std::string_view line(data, bytes);
        auto& headers = transfer.response.headers;
        if (line.starts_with("HTTP/")) {
            headers.clear();  // a new status line: only the final response's headers count (100, 1xx)
            return bytes;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
            // An obsolete folded continuation line belongs to the previous header.
            headers.back().second += ' ';
            headers.back().second += trim_blanks(line);
            return bytes;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            return bytes;  // the blank line that ends the headers
        }
        headers.emplace_back(ascii::lowered(trim_blanks(line.substr(0, colon))),
                             std::string(trim_blanks(line.substr(colon + 1))));
        return bytes;
    } catch (...) {
        return 0;
    }
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept {
    const auto& transfer = *static_cast<const Transfer*>(user);
    // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK. run_transfer's poll sees a cancel first;
    // this catches one that lands while libcurl is busy reading.
    return (transfer.cancel != nullptr && transfer.cancel->cancelled()) ? 1 : 0;
}

HttpResponse failure(Reason error, std::string detail) {
    HttpResponse response;
    response.error = error;
    response.error_detail = std::move(detail);
    return response;
}

// Collects the first failing CURLcode so that every setopt is checked without a wall of ifs.
class OptionErrors {
  public:
    void check(CURLcode code, const char* what) {
        if (code != CURLE_OK && first_ == CURLE_OK) {
            first_ = code;
            what_ = what;
        }
    }
    bool ok() const { return first_ == CURLE_OK; }
    std::string describe() const {
        return std::string("libcurl refused the option ") + what_ + ": " +
               libcurl().curl_easy_strerror(first_);
    }

  private:
    CURLcode first_ = CURLE_OK;
    const char* what_ = "";
};

double info_ms(CURL* handle, CURLINFO info) {
    curl_off_t microseconds = 0;
    if (libcurl().curl_easy_getinfo(handle, info, &microseconds) != CURLE_OK) {
        return 0;
    }
    return static_cast<double>(microseconds) / 1000.0;
}

}  // namespace

void init_http_globally() {
    static std::once_flag once;
    std::call_once(once, [] {
        // libcurl reads SSLKEYLOGFILE in curl_global_init (load_libcurl), later. No other thread runs yet,
        // so changing the environment is safe here.
        ::unsetenv("SSLKEYLOGFILE");
    });
}

std::optional<std::string> tls_key_log_problem() {
    const char* key_log = std::getenv("SSLKEYLOGFILE");
    if (key_log == nullptr || *key_log == '\0') {
        return std::nullopt;
    }
    return "SSLKEYLOGFILE is set: the TLS library would write this connection's secrets to that file, and "
           "anyone who can read it could decrypt the request that carries the key. Unset SSLKEYLOGFILE "
           "and try again.";
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const auto& [header_name, value] : headers) {
        if (ascii::equal_ignoring_case(header_name, name)) {
            return value;
        }
    }
    return std::nullopt;
}

namespace {

// Everything decided before any I/O: a refused request never leaves this process.
std::optional<HttpResponse> refusal_before_io(const HttpRequest& request, const ParsedUrl& parsed) {
    const UrlParts& url = parsed.parts;
    if (parsed.error != CURLUE_OK || url.host.empty()) {
        return failure(Reason::invalid_setting,
                       "The URL is not valid (or contains spaces, control or non-ASCII characters).");
    }
    const bool https = url.scheme == "https";
    if (!https && url.scheme != "http") {
        return failure(Reason::invalid_setting, "Only https:// URLs are supported.");
    }
    if (!https && !is_loopback_host(url.host)) {
        return failure(Reason::insecure_endpoint,
                       "Plain http:// is allowed only to this computer (localhost); use https://.");
    }
    for (const auto& [name, value] : request.headers) {
        if (!is_header_name(name)) {
            return failure(Reason::invalid_setting, "A request header has an invalid name.");
        }
        if (!is_header_value(value)) {
            // The value may be a secret: name the header, never show the value.
            return failure(Reason::invalid_setting,
                           "The " + name + " header contains a control or non-ASCII character.");
        }
    }
    if (!request.proxy.empty() && !ascii::is_visible(request.proxy)) {
        return failure(Reason::invalid_setting,
                       "The proxy address contains spaces, control or non-ASCII characters.");
    }
    if (request.cancel && request.cancel->cancelled()) {
        return failure(Reason::cancelled, "Cancelled before the request was sent.");
    }
    if (auto problem = tls_key_log_problem()) {
        return failure(Reason::invalid_setting, std::move(*problem));
    }
    return std::nullopt;
}

// Sets every option DESIGN.md's network rules ask for. Returns what libcurl refused, if anything.
// `post_body` null: GET; else POST with that body, which must outlive the transfer (libcurl does not copy
// it).
std::optional<std::string> configure(CurlHandle& curl, const HttpRequest& request, bool https,
                                     const ProxyChoice& proxy, Transfer& transfer, char* error_buffer,
                                     const std::string* post_body) {
    OptionErrors options;
    options.check(curl.set(CURLOPT_URL, request.url), "URL");
    options.check(curl.set(CURLOPT_PROTOCOLS_STR, std::string(https ? "https" : "http")), "PROTOCOLS_STR");
    if (post_body == nullptr) {
        options.check(curl.set(CURLOPT_HTTPGET, 1L), "HTTPGET");
    } else {
        options.check(curl.set(CURLOPT_POST, 1L), "POST");
        options.check(curl.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size())),
                      "POSTFIELDSIZE_LARGE");
        options.check(curl.set_pointer(CURLOPT_POSTFIELDS, const_cast<char*>(post_body->data())),
                      "POSTFIELDS");
    }
    options.check(curl.set(CURLOPT_FOLLOWLOCATION, 0L), "FOLLOWLOCATION");  // a 3xx comes back as a status
    options.check(curl.set(CURLOPT_SSL_VERIFYPEER, 1L), "SSL_VERIFYPEER");
    options.check(curl.set(CURLOPT_SSL_VERIFYHOST, 2L), "SSL_VERIFYHOST");
    options.check(curl.set(CURLOPT_PROXY_SSL_VERIFYPEER, 1L), "PROXY_SSL_VERIFYPEER");
    options.check(curl.set(CURLOPT_PROXY_SSL_VERIFYHOST, 2L), "PROXY_SSL_VERIFYHOST");
    options.check(curl.set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2)), "SSLVERSION");
    if (!request.ca_file.empty()) {
        // The same bundle vouches for an https:// proxy: a corporate CA is usually needed for both.
        options.check(curl.set(CURLOPT_CAINFO, request.ca_file), "CAINFO");
        options.check(curl.set(CURLOPT_PROXY_CAINFO, request.ca_file), "PROXY_CAINFO");
    }
    options.check(curl.set(CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED)), "NETRC");
    options.check(curl.set(CURLOPT_VERBOSE, 0L), "VERBOSE");  // verbose output would print the key
    options.check(curl.set(CURLOPT_NOSIGNAL, 1L), "NOSIGNAL");
    options.check(curl.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count())),
                  "CONNECTTIMEOUT_MS");
    options.check(curl.set(CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count())),
                  "TIMEOUT_MS");
    options.check(curl.set(CURLOPT_LOW_SPEED_LIMIT, 1L), "LOW_SPEED_LIMIT");
    options.check(curl.set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.low_speed_time.count())),
                  "LOW_SPEED_TIME");
    options.check(curl.set(CURLOPT_PROXY, proxy.url), "PROXY");  // "" turns libcurl's own lookup off
    options.check(curl.set(CURLOPT_NOPROXY, std::string()), "NOPROXY");
    options.check(curl.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L), "SUPPRESS_CONNECT_HEADERS");
    // Without this, cleaning up after a timeout or cancel during the name lookup waits for the resolver
    // thread, i.e. for the system resolver to give up (30 s and more with an unreachable DNS server), however
    // short our timeout. With it, libcurl leaves that thread to finish and free itself.
    options.check(curl.set(CURLOPT_QUICK_EXIT, 1L), "QUICK_EXIT");
    options.check(curl.set_pointer(CURLOPT_ERRORBUFFER, error_buffer), "ERRORBUFFER");
    options.check(curl.set_callback(CURLOPT_WRITEFUNCTION, &on_body), "WRITEFUNCTION");
    options.check(curl.set_pointer(CURLOPT_WRITEDATA, &transfer), "WRITEDATA");
    options.check(curl.set_callback(CURLOPT_HEADERFUNCTION, &on_header), "HEADERFUNCTION");
    options.check(curl.set_pointer(CURLOPT_HEADERDATA, &transfer), "HEADERDATA");
    options.check(curl.set_callback(CURLOPT_XFERINFOFUNCTION, &on_progress), "XFERINFOFUNCTION");
    options.check(curl.set_pointer(CURLOPT_XFERINFODATA, &transfer), "XFERINFODATA");
    options.check(curl.set(CURLOPT_NOPROGRESS, 0L), "NOPROGRESS");
    for (const auto& [name, value] : request.headers) {
        // "Name;" is libcurl's way to send a header with an empty value ("Name:" would remove it).
        if (!curl.append_header(value.empty() ? name + ";" : name + ": " + value)) {
            return "Out of memory while building the request headers.";
        }
    }
    options.check(curl.apply_headers(), "HTTPHEADER");
    if (!options.ok()) {
        return options.describe();
    }
    return std::nullopt;
}

// Fills status, error, detail and timings once curl_easy_perform has returned.
void record_result(CURL* curl, CURLcode code, const HttpRequest& request, const ProxyChoice& proxy,
                   const Transfer& transfer, const char* error_buffer, HttpResponse& response) {
    long status = 0;
    if (libcurl().curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK) {
        response.status = status;
    }
    TransferFacts facts;
    facts.body_over_cap = transfer.over_cap;
    facts.via_proxy = response.via_proxy;
    if (libcurl().curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &facts.proxy_connect_code) != CURLE_OK) {
        facts.proxy_connect_code = 0;
    }
    // libcurl's only sign that a timeout hit during the name lookup is its message (lib/multi.c).
    facts.timed_out_resolving = std::strncmp(error_buffer, "Resolving timed out", 19) == 0;
    facts.reply_without_status_line = std::strstr(error_buffer, "HTTP/0.9") != nullptr;
    facts.reply_started = info_ms(curl, CURLINFO_STARTTRANSFER_TIME_T) > 0;

    response.error = transport_reason_for(code, facts);
    response.reply_not_http = response.error == Reason::unexpected_response && is_reply_not_http(code, facts);
    response.timings.dns_ms = info_ms(curl, CURLINFO_NAMELOOKUP_TIME_T);
    response.timings.connect_ms = info_ms(curl, CURLINFO_CONNECT_TIME_T);
    response.timings.tls_ms = info_ms(curl, CURLINFO_APPCONNECT_TIME_T);
    response.timings.first_byte_ms = info_ms(curl, CURLINFO_STARTTRANSFER_TIME_T);
    response.timings.total_ms = info_ms(curl, CURLINFO_TOTAL_TIME_T);

    if (response.error == Reason::too_large) {
        response.body.clear();  // a cut body means nothing; don't let anyone parse it
        response.error_detail = "The response is larger than " + std::to_string(request.max_body_bytes) +
                                " bytes; reading stopped there.";
    } else if (response.reply_not_http) {
        // libcurl's words ("Out of memory", "Received HTTP/0.9 when not allowed") would mislead a person.
        response.error_detail =
            facts.reply_without_status_line ? "The reply does not start with an HTTP status line."
            : code == CURLE_OUT_OF_MEMORY
                ? "A header line of the reply is longer than 100 KB."
                : "The reply is not valid HTTP: " + std::string(error_buffer[0] != '\0'
                                                                    ? error_buffer
                                                                    : libcurl().curl_easy_strerror(code));
    } else if (response.error != Reason::ok) {
        response.error_detail = error_buffer[0] != '\0' ? error_buffer : libcurl().curl_easy_strerror(code);
        if (response.via_proxy) {
            response.error_detail += " (proxy from " + proxy.source + ")";
        }
    }
}

// Sets the transfer's poll to wake when `cancel` is cancelled, for as long as it lives.
class WakeOnCancel {
  public:
    WakeOnCancel(CancelToken* cancel, CURLM* multi) : cancel_(cancel) {
        if (cancel_ != nullptr) {
            cancel_->set_wake([multi] { libcurl().curl_multi_wakeup(multi); });
        }
    }
    ~WakeOnCancel() {
        if (cancel_ != nullptr) {
            cancel_->clear_wake();
        }
    }
    WakeOnCancel(const WakeOnCancel&) = delete;
    WakeOnCancel& operator=(const WakeOnCancel&) = delete;

  private:
    CancelToken* cancel_;
};

// curl_easy_perform, but in a poll that cancel() wakes at once. (curl_easy_perform sees a cancel only in the
// progress callback, which libcurl calls about once a second while nothing arrives: up to a second late.)
CURLcode run_transfer(CURLM* multi, CURL* easy, CancelToken* cancel) {
    if (libcurl().curl_multi_add_handle(multi, easy) != CURLM_OK) {
        return CURLE_OUT_OF_MEMORY;
    }
    const WakeOnCancel wake(cancel, multi);
    std::optional<CURLcode> result;
    while (!result) {
        if (cancel != nullptr && cancel->cancelled()) {
            result = CURLE_ABORTED_BY_CALLBACK;  // what the progress callback's abort reports
            break;
        }
        int running = 0;
        if (libcurl().curl_multi_perform(multi, &running) != CURLM_OK) {
            result = CURLE_OUT_OF_MEMORY;  // the only failure multi_perform has with one valid handle
            break;
        }
        int queued = 0;
        while (const CURLMsg* message = libcurl().curl_multi_info_read(multi, &queued)) {
            if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
                result = message->data.result;
            }
        }
        if (!result && running == 0) {
            result = CURLE_GOT_NOTHING;  // not expected: finished without saying how
        }
        // The timeout only bounds the wait between libcurl's own timers; a cancel wakes it at once.
        if (!result && libcurl().curl_multi_poll(multi, nullptr, 0, 1000, nullptr) != CURLM_OK) {
            result = CURLE_OUT_OF_MEMORY;
        }
    }
    libcurl().curl_multi_remove_handle(multi, easy);  // a cut transfer's connection is closed, not kept
    return *result;
}

// Leaves the handle without options pointing at this call's stack (error buffer, transfer, headers) when
// perform returns, however it returns.
class OptionsResetOnExit {
  public:
    explicit OptionsResetOnExit(CurlHandle& curl) : curl_(curl) {}
    ~OptionsResetOnExit() { curl_.reset_options(); }
    OptionsResetOnExit(const OptionsResetOnExit&) = delete;
    OptionsResetOnExit& operator=(const OptionsResetOnExit&) = delete;

  private:
    CurlHandle& curl_;
};

}  // namespace

HttpSession::HttpSession() = default;
HttpSession::~HttpSession() = default;

HttpResponse HttpSession::perform(const HttpRequest& request, const std::string* post_body) {
    init_http_globally();
    if (const LibcurlLoad& loaded = load_libcurl(); loaded.api == nullptr) {
        return failure(Reason::unexpected_response, loaded.problem);
    }

    const ParsedUrl parsed = parse_url(request.url);
    if (auto refusal = refusal_before_io(request, parsed)) {
        return std::move(*refusal);
    }
    const UrlParts& url = parsed.parts;
    const bool https = url.scheme == "https";
    // A key must never cross the network in clear text, so plain http (loopback only) never uses a proxy.
    const ProxyChoice proxy = https ? choose_proxy(url.scheme, url.host, request.proxy,
                                                   [](const char* name) { return std::getenv(name); })
                                    : ProxyChoice{};
    if (!proxy.url.empty() && !ascii::is_visible(proxy.url)) {
        return failure(Reason::invalid_setting, "The proxy from " + proxy.source +
                                                    " contains spaces, control or non-ASCII characters.");
    }

    if (!curl_) {
        curl_ = std::make_unique<CurlHandle>();
    }
    if (!*curl_) {
        curl_.reset();
        return failure(Reason::unexpected_response, "libcurl could not create a handle (out of memory).");
    }
    CurlHandle& curl = *curl_;
    const OptionsResetOnExit reset_on_exit(curl);
    HttpResponse response;
    response.via_proxy = !proxy.url.empty();
    Transfer transfer{response, request.max_body_bytes, request.cancel.get()};
    char error_buffer[CURL_ERROR_SIZE] = {};
    if (auto refused = configure(curl, request, https, proxy, transfer, error_buffer, post_body)) {
        return failure(Reason::unexpected_response, std::move(*refused));
    }

    if (!multi_) {
        multi_ = std::make_unique<CurlMulti>();
    }
    if (!*multi_) {
        multi_.reset();
        return failure(Reason::unexpected_response, "libcurl could not create a handle (out of memory).");
    }
    const CURLcode code = run_transfer(multi_->get(), curl.get(), request.cancel.get());
    record_result(curl.get(), code, request, proxy, transfer, error_buffer, response);
    return response;
}

HttpResponse HttpSession::get(const HttpRequest& request) {
    return perform(request, nullptr);
}

HttpResponse HttpSession::post(const HttpRequest& request, const std::string& body) {
    return perform(request, &body);
}

HttpResponse http_get(const HttpRequest& request) {
    return HttpSession().get(request);
}

}  // namespace keywizard::net
