#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace keywizard::test {

// Owns one file descriptor.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    void reset(int fd = -1);

  private:
    int fd_ = -1;
};

// Stops the threads of a test server promptly: every blocking wait polls this pipe too. Once woken it stays
// readable (nobody drains it), so every thread sees the stop however late it looks.
class WakePipe {
  public:
    WakePipe();
    void wake();
    int fd() const { return read_end_.get(); }
    bool woken() const;

  private:
    UniqueFd read_end_;
    UniqueFd write_end_;
};

// A listening TCP socket on 127.0.0.1 with a port chosen by the kernel.
UniqueFd listen_on_loopback(std::uint16_t& port);

// A port on 127.0.0.1 where nothing listens: bound by the kernel's choice, then closed.
std::uint16_t unused_loopback_port();

// A non-blocking connection to 127.0.0.1:port, or an empty fd when refused.
UniqueFd connect_to_loopback(std::uint16_t port);

enum class Wait { ready, stopped, timed_out };

// Waits for `events` on fd, or for the stop pipe. No timeout when `timeout` is empty.
Wait wait_for(int fd, short events, int stop_fd, std::optional<std::chrono::milliseconds> timeout = {});

// One accepted connection, plain or TLS, on a non-blocking socket whose every wait also watches the stop
// pipe. Use it only on threads from start_thread_without_sigpipe().
class Channel {
  public:
    Channel(UniqueFd socket, SSL_CTX* tls, int stop_fd);  // tls == nullptr: plain TCP
    ~Channel();
    Channel(const Channel&) = delete;
    Channel& operator=(const Channel&) = delete;

    bool handshake();  // TLS server handshake; true at once for plain TCP
    // Bytes read (> 0), 0 at a clean end of stream, -1 on error, reset or stop.
    long read_some(char* buffer, std::size_t size);
    bool write_all(std::string_view data);
    // The first byte the peer sent, left unread; empty when it closed first or the server is stopping.
    std::optional<unsigned char> peek_first_byte();
    // Reads until the blank line that ends an HTTP head (at most 64 KiB). Bytes after it stay in `extra`.
    std::optional<std::string> read_head(std::string& extra);
    // True when the peer closed or the server is stopping, waiting at most `timeout` to find out.
    bool peer_gone_or_stopped(std::optional<std::chrono::milliseconds> timeout);

    void close_gracefully();  // TLS close_notify, FIN
    void reset();             // SO_LINGER 0 then close: the peer sees a TCP RST

    int fd() const { return socket_.get(); }

  private:
    UniqueFd socket_;
    SSL* ssl_ = nullptr;
    int stop_fd_;
};

// Starts a server thread in which writing to a closed socket fails with EPIPE instead of killing the test
// process: OpenSSL writes with plain write(2), which has no MSG_NOSIGNAL. SIGPIPE is blocked in the new
// thread (and in every thread it starts) rather than ignored process-wide, so programs the tests run keep
// the default disposition.
std::thread start_thread_without_sigpipe(std::function<void()> body);

}  // namespace keywizard::test
