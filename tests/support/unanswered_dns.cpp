#include "tests/support/unanswered_dns.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace keywizard::test {

namespace {

[[noreturn]] void report_and_exit(int pipe_fd, char kind, const std::string& text) {
    const std::string message = kind + text;
    (void)!::write(pipe_fd, message.data(), message.size());
    ::_exit(0);
}

std::string errno_text(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

// In the child: build the stage, then run the work. Never returns.
[[noreturn]] void child(int pipe_fd, const WorkWithUnansweredDns& work) {
    if (::unshare(CLONE_NEWNS) != 0) {
        report_and_exit(pipe_fd, 'S', errno_text("unshare(CLONE_NEWNS)"));
    }
    // Private propagation first: otherwise the bind mount below could show up in the parent's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        report_and_exit(pipe_fd, 'S', errno_text("making mounts private"));
    }
    const int dns = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(53);
    // 127.53.x.y from the pid: test processes running side by side each get their own silent server.
    const auto pid = static_cast<std::uint32_t>(::getpid());
    const std::uint32_t server_ip = 0x7f350000u | (pid & 0xffffu);
    address.sin_addr.s_addr = htonl(server_ip);
    if (dns < 0 || ::bind(dns, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        report_and_exit(pipe_fd, 'S', errno_text("binding a DNS server socket on port 53"));
    }
    char path[] = "/tmp/keywizard-resolv-XXXXXX";
    const int file = ::mkstemp(path);
    if (file < 0) {
        report_and_exit(pipe_fd, 'S', errno_text("mkstemp"));
    }
    char server_text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &address.sin_addr, server_text, sizeof server_text);
    const std::string config = std::string("nameserver ") + server_text + "\noptions timeout:30 attempts:1\n";
    (void)!::write(file, config.data(), config.size());
    ::close(file);
    const bool mounted = ::mount(path, "/etc/resolv.conf", nullptr, MS_BIND, nullptr) == 0;
    const std::string mount_error = errno_text("bind-mounting /etc/resolv.conf");
    ::unlink(path);  // the mount keeps the file alive as long as the child needs it
    if (!mounted) {
        report_and_exit(pipe_fd, 'S', mount_error);
    }
    std::string output;
    try {
        output = work(dns);
    } catch (const std::exception& error) {
        output = std::string("exception: ") + error.what();
    }
    report_and_exit(pipe_fd, 'R', output);
}

}  // namespace

ChildOutcome run_with_unanswered_dns(const WorkWithUnansweredDns& work, std::chrono::seconds limit) {
    ChildOutcome outcome;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        outcome.problem = errno_text("pipe2");
        return outcome;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        outcome.problem = errno_text("fork");
        ::close(fds[0]);
        ::close(fds[1]);
        return outcome;
    }
    if (pid == 0) {
        ::close(fds[0]);
        child(fds[1], work);
    }
    ::close(fds[1]);

    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    bool finished = false;
    while (!finished) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd entry{fds[0], POLLIN, 0};
        if (left.count() <= 0 || ::poll(&entry, 1, static_cast<int>(left.count())) == 0) {
            break;
        }
        char buffer[512];
        const ssize_t count = ::read(fds[0], buffer, sizeof buffer);
        if (count > 0) {
            received.append(buffer, static_cast<std::size_t>(count));
        } else if (count == 0 || errno != EINTR) {
            finished = true;
        }
    }
    ::close(fds[0]);
    if (!finished) {
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);

    if (!finished) {
        outcome.hung = true;
        outcome.problem = "the child did not finish within the limit and was killed";
    } else if (received.empty()) {
        outcome.problem = "the child ended without a report";
    } else if (received[0] == 'S') {
        outcome.problem = received.substr(1);
    } else {
        outcome.ran = true;
        outcome.output = received.substr(1);
    }
    return outcome;
}

std::optional<std::string> why_unanswered_dns_cannot_be_faked() {
    const ChildOutcome outcome =
        run_with_unanswered_dns([](int) { return std::string(); }, std::chrono::seconds(10));
    if (outcome.ran) {
        return std::nullopt;
    }
    return outcome.problem;
}

}  // namespace keywizard::test
