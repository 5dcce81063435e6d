#include "tests/support/connect_proxy.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <optional>

namespace keywizard::test {

namespace {

// "CONNECT 127.0.0.1:4433 HTTP/1.1" -> "127.0.0.1:4433"
std::optional<std::string> connect_target(const std::string& head) {
    const std::string prefix = "CONNECT ";
    if (head.compare(0, prefix.size(), prefix) != 0) {
        return std::nullopt;
    }
    const auto end = head.find(' ', prefix.size());
    if (end == std::string::npos) {
        return std::nullopt;
    }
    return head.substr(prefix.size(), end - prefix.size());
}

// Only loopback targets: the stand-in must never become an open relay to the outside.
std::optional<std::uint16_t> loopback_port_of(const std::string& target) {
    for (const std::string host : {"127.0.0.1:", "localhost:"}) {
        if (target.compare(0, host.size(), host) == 0) {
            const long port = std::strtol(target.c_str() + host.size(), nullptr, 10);
            if (port > 0 && port < 65536) {
                return static_cast<std::uint16_t>(port);
            }
        }
    }
    return std::nullopt;
}

// Copies what is readable on `from` to `to`; false when `from` has closed or failed.
bool pump(int from, int to) {
    char buffer[16 * 1024];
    const ssize_t count = ::recv(from, buffer, sizeof buffer, 0);
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return true;
    }
    if (count <= 0) {
        return false;
    }
    std::size_t sent = 0;
    while (sent < static_cast<std::size_t>(count)) {
        const ssize_t written =
            ::send(to, buffer + sent, static_cast<std::size_t>(count) - sent, MSG_NOSIGNAL);
        if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            pollfd writable{to, POLLOUT, 0};
            ::poll(&writable, 1, 1000);
            continue;
        }
        if (written <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(written);
    }
    return true;
}

}  // namespace

ConnectProxy::ConnectProxy(Mode mode) : mode_(mode), listener_(listen_on_loopback(port_)) {
    acceptor_ = start_thread_without_sigpipe([this] { accept_loop(); });
}

ConnectProxy::~ConnectProxy() {
    stop_.wake();
    acceptor_.join();
    for (std::thread& thread : connection_threads_) {
        thread.join();
    }
}

std::size_t ConnectProxy::connect_count() const {
    std::lock_guard lock(mutex_);
    return targets_.size();
}

std::vector<std::string> ConnectProxy::connect_targets() const {
    std::lock_guard lock(mutex_);
    return targets_;
}

void ConnectProxy::accept_loop() {
    for (;;) {
        if (wait_for(listener_.get(), POLLIN, stop_.fd()) != Wait::ready) {
            return;
        }
        UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client) {
            continue;
        }
        std::lock_guard lock(mutex_);
        // Started from the acceptor, whose SIGPIPE is blocked: so is this thread's.
        connection_threads_.emplace_back(
            [this, socket = std::move(client)]() mutable { serve(std::move(socket)); });
    }
}

void ConnectProxy::serve(UniqueFd client_socket) {
    Channel client(std::move(client_socket), nullptr, stop_.fd());
    std::string early_bytes;
    const auto head = client.read_head(early_bytes);
    const auto target = head ? connect_target(*head) : std::nullopt;
    if (!target) {
        (void)client.write_all(
            "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client.close_gracefully();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        targets_.push_back(*target);
    }
    if (mode_ == Mode::require_authentication) {
        (void)client.write_all(
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
            "Proxy-Authenticate: Basic realm=\"keywizard test proxy\"\r\n"
            "Content-Length: 0\r\nConnection: close\r\n\r\n");
        client.close_gracefully();
        return;
    }
    tunnel(client, *target, early_bytes);
}

void ConnectProxy::tunnel(Channel& client, const std::string& target, const std::string& early_bytes) {
    const auto port = loopback_port_of(target);
    UniqueFd upstream = port ? connect_to_loopback(*port) : UniqueFd();
    if (!upstream) {
        (void)client.write_all("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client.close_gracefully();
        return;
    }
    if (!client.write_all("HTTP/1.1 200 Connection established\r\n\r\n")) {
        return;
    }
    if (!early_bytes.empty() &&
        ::send(upstream.get(), early_bytes.data(), early_bytes.size(), MSG_NOSIGNAL) < 0) {
        return;
    }
    pollfd entries[3] = {{client.fd(), POLLIN, 0}, {upstream.get(), POLLIN, 0}, {stop_.fd(), POLLIN, 0}};
    for (;;) {
        if (::poll(entries, 3, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        if (entries[2].revents != 0) {
            return;
        }
        if (entries[0].revents != 0 && !pump(client.fd(), upstream.get())) {
            ::shutdown(upstream.get(), SHUT_WR);  // pass the client's end of stream on
            entries[0].fd = -1;
        }
        if (entries[1].revents != 0 && !pump(upstream.get(), client.fd())) {
            client.close_gracefully();  // the server is done: pass its end of stream on
            return;
        }
    }
}

}  // namespace keywizard::test
