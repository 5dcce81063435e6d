#include "test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace keywizard::settings::test {
namespace {

void fill_result_from_status(ChildResult& result, int status) {
    if (WIFEXITED(status)) {
        result.exited = true;
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
}

// Reads from fd into `out` until EOF or the deadline; returns false on the deadline.
bool drain(int fd, std::string& out, std::chrono::steady_clock::time_point deadline,
           const std::string& stop_at = {}) {
    char buffer[4096];
    while (true) {
        if (!stop_at.empty() && out.find(stop_at) != std::string::npos) {
            return true;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd pfd{fd, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            return false;
        }
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            out.append(buffer, static_cast<size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            return stop_at.empty() || out.find(stop_at) != std::string::npos;
        }
    }
}

// waitpid with a deadline (no event to wait on besides SIGCHLD, so poll with short pauses).
bool reap(pid_t pid, int& status, std::chrono::steady_clock::time_point deadline) {
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            return true;
        }
        if (done < 0 && errno != EINTR) {
            return false;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        ::usleep(2000);
    }
}

}  // namespace

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

void write_file(const std::filesystem::path& file, const std::string& contents, unsigned mode) {
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << contents;
    }
    ::chmod(file.c_str(), mode);
}

unsigned file_mode(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        return 0;
    }
    return st.st_mode & 07777;
}

std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

DotfilesFixture::DotfilesFixture() {
    std::filesystem::create_directories(config);
    std::filesystem::create_directories(dotfiles);
}

void DotfilesFixture::link_env(const std::string& contents) {
    write_file(dotfiles / "keywizard.env", contents, 0600);
    std::filesystem::create_symlink(dotfiles / "keywizard.env", config / ".env");
}

bool has_temp_files(const std::filesystem::path& dir) {
    for (const auto& name : names_in(dir)) {
        if (name.find(".tmp-") != std::string::npos) {
            return true;
        }
    }
    return false;
}

int enter_private_mount_namespace(int report_fd) {
    if (::unshare(CLONE_NEWNS) != 0) {
        write_report(report_fd, std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno));
        return 90;
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        write_report(report_fd, std::string("mount private: ") + std::strerror(errno));
        return 91;
    }
    return 0;
}

int bind_read_only(const std::filesystem::path& dir, int report_fd) {
    if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
        ::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        write_report(report_fd, std::string("read-only bind mount: ") + std::strerror(errno));
        return 92;
    }
    return 0;
}

void write_report(int fd, const std::string& text) {
    std::string_view rest = text;
    while (!rest.empty()) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n <= 0) {
            return;
        }
        rest.remove_prefix(static_cast<size_t>(n));
    }
}

ChildResult run_forked(const std::function<int(int report_fd)>& body, std::chrono::milliseconds deadline) {
    return ChildProcess(body).wait(deadline);
}

ChildProcess::ChildProcess(const std::function<int(int report_fd)>& body) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    started_ = std::chrono::steady_clock::now();
    pid_ = ::fork();
    if (pid_ == 0) {
        ::close(fds[0]);
        int code = 100;
        try {
            code = body(fds[1]);
        } catch (const std::exception& e) {
            write_report(fds[1], std::string("exception: ") + e.what());
        }
        ::_exit(code);  // no atexit handlers: they belong to the test runner in the parent
    }
    ::close(fds[1]);
    out_fd_ = fds[0];
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Environment& changes,
                           const std::string& stdin_text) {
    std::map<std::string, std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text = *entry;
        const auto eq = text.find('=');
        env[text.substr(0, eq)] = eq == std::string::npos ? "" : text.substr(eq + 1);
    }
    for (const auto& [name, value] : changes) {
        if (value) {
            env[name] = *value;
        } else {
            env.erase(name);
        }
    }
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : env) {
        env_strings.push_back(name + "=" + value);
    }
    std::vector<char*> env_pointers;
    for (auto& text : env_strings) {
        env_pointers.push_back(text.data());
    }
    env_pointers.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> arg_pointers;
    for (auto& arg : args) {
        arg_pointers.push_back(arg.data());
    }
    arg_pointers.push_back(nullptr);

    int out[2];
    int in[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    started_ = std::chrono::steady_clock::now();
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(out[1], 2);
        ::setpgid(0, 0);  // its own group: a kill reaches what it starts, and no terminal signals reach it
        ::execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
        ::execvpe(arg_pointers[0], arg_pointers.data(), env_pointers.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(in[0]);
    write_report(in[1], stdin_text);
    ::close(in[1]);
    out_fd_ = out[0];
}

ChildProcess::~ChildProcess() {
    kill_now();
    if (out_fd_ >= 0) {
        ::close(out_fd_);
    }
}

void ChildProcess::kill_now() {
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        reaped_ = true;
    }
}

bool ChildProcess::wait_for_output(const std::string& text, std::chrono::milliseconds deadline) {
    return drain(out_fd_, output_, std::chrono::steady_clock::now() + deadline, text);
}

ChildResult ChildProcess::wait(std::chrono::milliseconds deadline) {
    ChildResult result;
    const auto until = std::chrono::steady_clock::now() + deadline;
    result.timed_out = !drain(out_fd_, output_, until);
    int status = 0;
    if (!reaped_) {
        if (!reap(pid_, status, until)) {
            result.timed_out = true;
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
        reaped_ = true;
        fill_result_from_status(result, status);
    }
    result.output = output_;
    result.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
    return result;
}

ChildResult run_program(const std::vector<std::string>& argv, const Environment& changes,
                        const std::string& stdin_text, std::chrono::milliseconds deadline) {
    ChildProcess child(argv, changes, stdin_text);
    return child.wait(deadline);
}

}  // namespace keywizard::settings::test
