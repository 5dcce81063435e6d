#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/socket_io.h"

namespace keywizard::test {

// A plain HTTP proxy on 127.0.0.1 (kernel-chosen port) that understands only CONNECT, the way an https
// client uses a proxy. It tunnels to loopback targets only, and can instead refuse every CONNECT with
// 407 Proxy Authentication Required.
class ConnectProxy {
  public:
    enum class Mode { tunnel, require_authentication };

    explicit ConnectProxy(Mode mode = Mode::tunnel);
    ~ConnectProxy();
    ConnectProxy(const ConnectProxy&) = delete;
    ConnectProxy& operator=(const ConnectProxy&) = delete;

    std::uint16_t port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    std::size_t connect_count() const;                 // CONNECT requests seen, tunnelled or refused
    std::vector<std::string> connect_targets() const;  // "host:port" of each, in order

  private:
    void accept_loop();
    void serve(UniqueFd client);
    void tunnel(Channel& client, const std::string& target, const std::string& early_bytes);

    Mode mode_;
    std::uint16_t port_ = 0;
    UniqueFd listener_;
    WakePipe stop_;

    mutable std::mutex mutex_;
    std::vector<std::string> targets_;
    std::vector<std::thread> connection_threads_;
    std::thread acceptor_;
};

}  // namespace keywizard::test
