// A keywizard process that holds a key and crashes leaves no core file with the key: main() makes every
// command not dumpable. The crash is real (SIGSEGV, SIGABRT from outside while `check --stdin` holds the
// key it has read), core dumps are switched on for the child (RLIMIT_CORE) and a control process proves
// that this machine writes core files where the test looks; where it does not, the test says so and
// checks nothing.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "tests/cli/cli_fixture.h"

using namespace keywizard::test;

namespace {

std::string core_pattern() {
    std::ifstream file("/proc/sys/kernel/core_pattern");
    std::string pattern;
    std::getline(file, pattern);
    return pattern;
}

struct Crash {
    bool started = false;
    bool read_everything = false;  // the child had taken all of its input before it was killed
    int signal = 0;                // what killed it
    bool core_dumped = false;      // the kernel says it wrote a core
};

// Runs `argv` in `directory` with core dumps allowed, feeds it `input` without closing its stdin, waits
// until it has read all of it (the pipe is empty), then kills it with `signal`.
Crash crash_after_reading(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                          const std::filesystem::path& directory, const std::string& input, int signal) {
    Crash crash;
    int in[2];
    if (::pipe2(in, O_CLOEXEC) != 0) {
        return crash;
    }
    std::vector<std::string> env_storage;
    for (const auto& [name, value] : env) {
        env_storage.push_back(name + "=" + value);
    }
    // Under AddressSanitizer (scripts/test --sanitize) its own handler would catch the signal and exit
    // with a report instead of dying of it: leave SIGSEGV and SIGABRT to the kernel, as in a normal build.
    env_storage.push_back("ASAN_OPTIONS=handle_segv=0:handle_abort=0:handle_sigbus=0");
    std::vector<char*> envp;
    for (auto& entry : env_storage) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);

    const pid_t pid = ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        rlimit unlimited{};
        ::getrlimit(RLIMIT_CORE, &unlimited);
        unlimited.rlim_cur = unlimited.rlim_max;
        ::setrlimit(RLIMIT_CORE, &unlimited);
        if (::chdir(directory.c_str()) != 0) {
            ::_exit(120);
        }
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(null_fd, STDOUT_FILENO);
        ::dup2(null_fd, STDERR_FILENO);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(121);
    }
    ::close(in[0]);
    ::close(null_fd);
    if (pid < 0) {
        ::close(in[1]);
        return crash;
    }
    crash.started = true;
    if (::write(in[1], input.data(), input.size()) == static_cast<ssize_t>(input.size())) {
        // Waits for a condition, not for a time: the pipe is empty once the child has read the key.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            int unread = -1;
            if (::ioctl(in[1], FIONREAD, &unread) != 0) {
                break;
            }
            if (unread == 0) {
                crash.read_everything = true;
                break;
            }
            std::this_thread::yield();
        }
    }
    ::kill(pid, signal);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(in[1]);
    crash.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    crash.core_dumped = WIFSIGNALED(status) && WCOREDUMP(status);
    return crash;
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        files.push_back(entry.path());
    }
    return files;
}

// Skips (Boost.Test reports it skipped, not passed) where core files cannot be observed: core_pattern hands
// them to a program or another folder, or an ordinary crashed process leaves none in its working directory.
boost::test_tools::assertion_result core_dumps_observable(boost::unit_test::test_unit_id) {
    const std::string pattern = core_pattern();
    if (pattern.empty() || pattern.front() == '|' || pattern.front() == '/') {
        boost::test_tools::assertion_result skip(false);
        skip.message() << "core files go to \"" << pattern << "\", not the working directory";
        return skip;
    }
    CliFixture cli;
    const auto control_dir = cli.config_dir().parent_path().parent_path() / "control";
    std::filesystem::create_directories(control_dir);
    const Crash control = crash_after_reading({"/bin/cat"}, cli.environment(), control_dir, "x", SIGSEGV);
    if (!control.started || !control.core_dumped || files_in(control_dir).empty()) {
        boost::test_tools::assertion_result skip(false);
        skip.message() << "a crashed cat left no core file here (RLIMIT_CORE hard limit 0?)";
        return skip;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(core_dump_tests)

BOOST_AUTO_TEST_CASE(a_crash_while_holding_a_key_leaves_no_core_file,
                     *boost::unit_test::precondition(core_dumps_observable)) {
    CliFixture cli;
    const auto home = cli.config_dir().parent_path().parent_path();

    for (const int signal : {SIGSEGV, SIGABRT}) {
        BOOST_TEST_CONTEXT("signal " << signal) {
            const auto crash_dir = home / ("crash-" + std::to_string(signal));
            std::filesystem::create_directories(crash_dir);
            // No newline: check --stdin keeps reading, with the key in its buffer, until it is killed.
            const Crash crash = crash_after_reading({keywizard_binary(), "check", "--stdin"},
                                                    cli.environment(), crash_dir, valid_key, signal);
            BOOST_TEST_REQUIRE(crash.started);
            BOOST_TEST(crash.read_everything);
            BOOST_TEST(crash.signal == signal);
            BOOST_TEST(!crash.core_dumped);
            BOOST_TEST(files_in(crash_dir).empty());
        }
    }
    BOOST_TEST(cli.files_containing(valid_key).empty());
}

BOOST_AUTO_TEST_SUITE_END()
