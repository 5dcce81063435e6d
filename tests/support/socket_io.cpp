#include "tests/support/socket_io.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace keywizard::test {

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        reset(other.release());
    }
    return *this;
}

void UniqueFd::reset(int fd) {
    if (fd_ >= 0) {
        ::close(fd_);
    }
    fd_ = fd;
}

WakePipe::WakePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        throw std::runtime_error("pipe2 failed");
    }
    read_end_.reset(fds[0]);
    write_end_.reset(fds[1]);
}

void WakePipe::wake() {
    const char byte = 1;
    (void)!::write(write_end_.get(), &byte, 1);
}

bool WakePipe::woken() const {
    pollfd entry{read_end_.get(), POLLIN, 0};
    return ::poll(&entry, 1, 0) > 0;
}

std::thread start_thread_without_sigpipe(std::function<void()> body) {
    // A new thread inherits the signal mask of the one creating it: block, create, restore.
    sigset_t sigpipe_only;
    sigset_t previous;
    sigemptyset(&sigpipe_only);
    sigaddset(&sigpipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &sigpipe_only, &previous);
    std::thread thread(std::move(body));
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return thread;
}

namespace {

sockaddr_in loopback_address(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

void make_non_blocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

}  // namespace

UniqueFd listen_on_loopback(std::uint16_t& port) {
    UniqueFd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    sockaddr_in address = loopback_address(0);
    socklen_t length = sizeof address;
    if (!socket || ::bind(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(socket.get(), 64) != 0 ||
        ::getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    port = ntohs(address.sin_port);
    return socket;
}

std::uint16_t unused_loopback_port() {
    std::uint16_t port = 0;
    UniqueFd socket = listen_on_loopback(port);
    return port;  // closed here; nothing listens there any more
}

UniqueFd connect_to_loopback(std::uint16_t port) {
    UniqueFd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sockaddr_in address = loopback_address(port);
    if (!socket ||
        ::connect(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        return {};
    }
    make_non_blocking(socket.get());
    return socket;
}

Wait wait_for(int fd, short events, int stop_fd, std::optional<std::chrono::milliseconds> timeout) {
    pollfd entries[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
    const int timeout_ms = timeout ? static_cast<int>(timeout->count()) : -1;
    for (;;) {
        const int ready = ::poll(entries, 2, timeout_ms);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0 || entries[1].revents != 0) {
            return Wait::stopped;
        }
        return ready == 0 ? Wait::timed_out : Wait::ready;
    }
}

Channel::Channel(UniqueFd socket, SSL_CTX* tls, int stop_fd) : socket_(std::move(socket)), stop_fd_(stop_fd) {
    make_non_blocking(socket_.get());
    if (tls != nullptr) {
        ssl_ = SSL_new(tls);
        if (ssl_ == nullptr || SSL_set_fd(ssl_, socket_.get()) != 1) {
            throw std::runtime_error("SSL_new failed");
        }
    }
}

Channel::~Channel() {
    if (ssl_ != nullptr) {
        SSL_free(ssl_);
    }
}

namespace {

// Turns an OpenSSL "try again" into the poll event it is waiting for; 0 when it is a real failure.
short tls_wait_events(SSL* ssl, int result) {
    switch (SSL_get_error(ssl, result)) {
        case SSL_ERROR_WANT_READ:
            return POLLIN;
        case SSL_ERROR_WANT_WRITE:
            return POLLOUT;
        default:
            return 0;
    }
}

}  // namespace

bool Channel::handshake() {
    if (ssl_ == nullptr) {
        return true;
    }
    for (;;) {
        const int result = SSL_accept(ssl_);
        if (result == 1) {
            return true;
        }
        const short events = tls_wait_events(ssl_, result);
        ERR_clear_error();
        if (events == 0 || wait_for(socket_.get(), events, stop_fd_) != Wait::ready) {
            return false;  // the client refused our certificate, went away, or we are stopping
        }
    }
}

long Channel::read_some(char* buffer, std::size_t size) {
    for (;;) {
        if (ssl_ != nullptr) {
            const int result = SSL_read(ssl_, buffer, static_cast<int>(size));
            if (result > 0) {
                return result;
            }
            if (SSL_get_error(ssl_, result) == SSL_ERROR_ZERO_RETURN) {
                return 0;
            }
            const short events = tls_wait_events(ssl_, result);
            ERR_clear_error();
            if (events == 0 || wait_for(socket_.get(), events, stop_fd_) != Wait::ready) {
                return -1;
            }
            continue;
        }
        const ssize_t result = ::recv(socket_.get(), buffer, size, 0);
        if (result >= 0) {
            return result;
        }
        if (errno == EINTR) {
            continue;
        }
        if ((errno != EAGAIN && errno != EWOULDBLOCK) ||
            wait_for(socket_.get(), POLLIN, stop_fd_) != Wait::ready) {
            return -1;
        }
    }
}

bool Channel::write_all(std::string_view data) {
    while (!data.empty()) {
        if (ssl_ != nullptr) {
            const int result = SSL_write(ssl_, data.data(), static_cast<int>(data.size()));
            if (result > 0) {
                data.remove_prefix(static_cast<std::size_t>(result));
                continue;
            }
            const short events = tls_wait_events(ssl_, result);
            ERR_clear_error();
            if (events == 0 || wait_for(socket_.get(), events, stop_fd_) != Wait::ready) {
                return false;
            }
            continue;
        }
        const ssize_t result = ::send(socket_.get(), data.data(), data.size(), MSG_NOSIGNAL);
        if (result >= 0) {
            data.remove_prefix(static_cast<std::size_t>(result));
            continue;
        }
        if (errno == EINTR) {
            continue;
        }
        if ((errno != EAGAIN && errno != EWOULDBLOCK) ||
            wait_for(socket_.get(), POLLOUT, stop_fd_) != Wait::ready) {
            return false;
        }
    }
    return true;
}

std::optional<unsigned char> Channel::peek_first_byte() {
    for (;;) {
        unsigned char byte = 0;
        const ssize_t result = ::recv(socket_.get(), &byte, 1, MSG_PEEK);
        if (result == 1) {
            return byte;
        }
        if (result < 0 && errno == EINTR) {
            continue;
        }
        if (result == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) ||
            wait_for(socket_.get(), POLLIN, stop_fd_) != Wait::ready) {
            return std::nullopt;
        }
    }
}

std::optional<std::string> Channel::read_head(std::string& extra) {
    constexpr std::size_t max_head = 64 * 1024;
    std::string received;
    char buffer[4096];
    for (;;) {
        const auto end = received.find("\r\n\r\n");
        if (end != std::string::npos) {
            extra = received.substr(end + 4);
            received.resize(end + 2);  // keep the CRLF of the last header line
            return received;
        }
        if (received.size() > max_head) {
            return std::nullopt;
        }
        const long count = read_some(buffer, sizeof buffer);
        if (count <= 0) {
            return std::nullopt;
        }
        received.append(buffer, static_cast<std::size_t>(count));
    }
}

bool Channel::peer_gone_or_stopped(std::optional<std::chrono::milliseconds> timeout) {
    const Wait result = wait_for(socket_.get(), POLLIN | POLLRDHUP, stop_fd_, timeout);
    if (result == Wait::stopped) {
        return true;
    }
    if (result == Wait::timed_out) {
        return false;
    }
    // Readable: either the peer sent something (drain and ignore it) or it closed.
    char buffer[1024];
    if (ssl_ != nullptr) {
        const int count = SSL_read(ssl_, buffer, sizeof buffer);
        if (count > 0) {
            return false;
        }
        const int error = SSL_get_error(ssl_, count);
        ERR_clear_error();
        return error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE;
    }
    const ssize_t count = ::recv(socket_.get(), buffer, sizeof buffer, 0);
    return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

void Channel::close_gracefully() {
    if (ssl_ != nullptr) {
        (void)SSL_shutdown(ssl_);  // sends close_notify; we do not wait for the peer's
        ERR_clear_error();
    }
    ::shutdown(socket_.get(), SHUT_WR);
    // Closing with unread bytes queued would send a RST that can overtake the response we just wrote, so
    // wait (briefly) for the client to close its side first.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < deadline &&
           !peer_gone_or_stopped(std::chrono::duration_cast<std::chrono::milliseconds>(
               deadline - std::chrono::steady_clock::now()))) {
    }
    socket_.reset();
}

void Channel::reset() {
    const linger abort_on_close{1, 0};
    ::setsockopt(socket_.get(), SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    socket_.reset();
}

}  // namespace keywizard::test
