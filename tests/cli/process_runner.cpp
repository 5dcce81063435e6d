#include "tests/cli/process_runner.h"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <array>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace keywizard::test {
namespace {

class Pipe {
  public:
    Pipe() {
        if (::pipe2(fds_.data(), O_CLOEXEC) != 0) {
            throw std::runtime_error("pipe2 failed");
        }
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    int read_end() const { return fds_[0]; }
    int write_end() const { return fds_[1]; }
    void close_read() { close_fd(fds_[0]); }
    void close_write() { close_fd(fds_[1]); }

  private:
    static void close_fd(int& fd) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
    std::array<int, 2> fds_{-1, -1};
};

}  // namespace

std::string keywizard_binary() {
    const char* path = std::getenv("KEYWIZARD_BINARY");
    if (path == nullptr || *path == '\0') {
        throw std::runtime_error("KEYWIZARD_BINARY is not set (CTest sets it to the built keywizard)");
    }
    return path;
}

namespace {

// Feeds stdin and drains stdout/stderr together, so a child that writes a lot never blocks on a full pipe.
void pump(Pipe& in, const std::string& input, Pipe& out, Pipe& err, ProcessResult& result) {
    std::size_t written = 0;
    if (input.empty()) {
        in.close_write();
    }
    bool out_open = true;
    bool err_open = true;
    while (out_open || err_open) {
        std::array<pollfd, 3> fds{{{out_open ? out.read_end() : -1, POLLIN, 0},
                                   {err_open ? err.read_end() : -1, POLLIN, 0},
                                   {in.write_end(), POLLOUT, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::runtime_error("poll failed");
        }
        char buffer[4096];
        auto drain = [&](const pollfd& fd, std::string& into, bool& open) {
            if (fd.fd < 0 || (fd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                return;
            }
            const ssize_t got = ::read(fd.fd, buffer, sizeof buffer);
            if (got > 0) {
                into.append(buffer, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                open = false;
            }
        };
        drain(fds[0], result.out, out_open);
        drain(fds[1], result.err, err_open);
        if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
            const ssize_t sent = ::write(in.write_end(), input.data() + written, input.size() - written);
            if (sent > 0) {
                written += static_cast<std::size_t>(sent);
            }
            if (sent < 0 || written == input.size()) {
                in.close_write();
            }
        }
    }
}

}  // namespace

ProcessResult run_keywizard(const ProcessSpec& spec) {
    // A child may exit before it read all of its stdin (a usage error does): the write then fails with
    // EPIPE, which the loop above handles, instead of SIGPIPE ending the test run. (It used to be ignored
    // only by accident, by whichever library had set SIG_IGN first.)
    static std::once_flag ignore_sigpipe;
    std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
    const std::string binary = spec.binary.empty() ? keywizard_binary() : spec.binary;
    std::vector<std::string> argv_storage = spec.launcher;
    argv_storage.push_back(binary);
    const std::string program = argv_storage.front();
    argv_storage.insert(argv_storage.end(), spec.args.begin(), spec.args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (const auto& [name, value] : spec.environment) {
        env_storage.push_back(name + "=" + value);
    }
    std::vector<char*> envp;
    for (auto& entry : env_storage) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);

    Pipe in, out, err;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read_end(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        throw std::runtime_error("could not start " + program);
    }
    in.close_read();
    out.close_write();
    err.close_write();

    ProcessResult result;
    pump(in, spec.stdin_text, out, err, result);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return result;
}

}  // namespace keywizard::test
