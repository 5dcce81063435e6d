#pragma once

#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "tests/support/socket_io.h"
#include "tests/support/test_pki.h"

namespace keywizard::test {

// One request as the server saw it, before any parsing could hide a duplicate or a malformed line.
struct RecordedRequest {
    std::string method;
    std::string target;
    std::string version;
    std::vector<std::string> header_lines;  // raw, in arrival order, without CRLF
    std::chrono::steady_clock::time_point received_at;
    std::string body;  // what Content-Length announced (at most 1 MiB); empty for a GET

    // Values (trimmed) of every header with this case-insensitive name, in order.
    std::vector<std::string> header_values(std::string_view name) const;
    std::optional<std::string> header(std::string_view name) const;  // the first one
};

// What the server does after reading a request.
struct Reply {
    enum class Kind {
        complete,        // status, headers, body with Content-Length
        chunked_stream,  // `stream_bytes` of body in 64 KiB chunks, unless the client leaves first
        truncated,       // announces `declared_length`, sends `body`, then closes cleanly
        reset_mid_body,  // announces `declared_length`, sends `body`, then resets (SO_LINGER 0)
        slow_drip,       // announces a large body, sends one byte per `drip_interval` until the client leaves
        never_answer,    // reads the request, then holds the connection silently until stop or the client
                         // leaves
    };

    Kind kind = Kind::complete;
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::size_t declared_length = 0;
    std::size_t stream_bytes = 0;
    std::chrono::milliseconds drip_interval{200};
    std::string interim;  // raw 1xx responses sent before the real one, e.g. "HTTP/1.1 103 Early
                          // Hints\r\n...\r\n\r\n"

    static Reply json(int status, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {});
    static Reply html(int status, std::string body);
    static Reply redirect(int status, std::string location);
    static Reply chunked(std::size_t total_bytes);
    static Reply truncated(std::string sent, std::size_t declared_length);
    static Reply reset_after(std::string sent, std::size_t declared_length);
    static Reply drip(std::chrono::milliseconds interval);
    static Reply silence();
};

// Chooses the reply to the index-th request (0-based). Runs on a server thread.
using Handler = std::function<Reply(const RecordedRequest& request, std::size_t index)>;

// A small HTTP/1.1 server on 127.0.0.1 with a kernel-chosen port, TLS (with one of the test PKI's
// certificates) or plain. A plain server answers a TLS handshake with a plain-text 400, as a real one
// would; the client then sees a server that does not speak TLS. One thread accepts, one thread per connection
// answers (Connection: close, unless keep_connections_open()). Every wait also watches a stop pipe, so the
// destructor ends all of them at once, whatever they are doing.
class LoopbackServer {
  public:
    // tls == nullopt: plain HTTP.
    explicit LoopbackServer(Handler handler, std::optional<ServerIdentity> tls = ServerIdentity::trusted);
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    std::uint16_t port() const { return port_; }
    // "https://127.0.0.1:<port>" (or http://, or with another host name such as localhost).
    std::string base_url(std::string_view host = "127.0.0.1") const;

    // From now on a complete reply leaves the connection open for the client's next request (HTTP/1.1
    // keep-alive, as the real API does), so a test can count how many connections a series of requests took.
    void keep_connections_open() { keep_open_ = true; }

    std::size_t request_count() const;
    std::size_t connection_count() const;        // TCP connections accepted
    std::size_t failed_handshake_count() const;  // TLS handshakes the client (or network) broke off
    std::size_t finished_connection_count() const;
    std::vector<RecordedRequest> requests() const;

    // Waits, on a condition variable, until at least `count` requests arrived; false after `timeout`.
    bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;
    // Waits until `count` connections have been handled to the end (reply sent, or the client left).
    bool wait_for_finished_connections(std::size_t count, std::chrono::milliseconds timeout) const;

  private:
    void accept_loop();
    void serve(UniqueFd socket);
    // True when the connection stays open for another request.
    bool send_reply(Channel& channel, const Reply& reply, bool keep_open);
    void note_finished();

    Handler handler_;
    std::uint16_t port_ = 0;
    UniqueFd listener_;
    WakePipe stop_;
    SSL_CTX* tls_ = nullptr;
    std::atomic<bool> keep_open_{false};

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<RecordedRequest> requests_;
    std::size_t connections_ = 0;
    std::size_t failed_handshakes_ = 0;
    std::size_t finished_ = 0;
    std::vector<std::thread> connection_threads_;
    std::thread acceptor_;
};

}  // namespace keywizard::test
