// How the key is read from standard input (issue 11): a key is one line, so a writer that keeps the pipe
// open is not waited for; Ctrl-C at the hidden prompt of a terminal leaves the terminal as it was; what
// `show` prints from settings.json can neither drive the terminal nor reveal a proxy's password.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "tests/cli/cli_fixture.h"
#include "tests/support/test_pki.h"

namespace keywizard::test {
namespace {

using namespace std::chrono_literals;

// A started keywizard whose standard input is ours to write, and to keep open.
struct Child {
    pid_t pid = -1;
    int exit_status = -1;
};

// Reads from `fd` until `needle` appears or `timeout` passes; true when it appeared.
bool read_until(int fd, const std::string& needle, std::chrono::milliseconds timeout, std::string& seen) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (seen.find(needle) == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        char buffer[256];
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) {
            return false;
        }
        seen.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
}

// The child's end, awaited through a pidfd (no polling), with a deadline after which it is killed: the
// status, or nullopt when it did not end in time.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    bool ended = true;
    if (pidfd >= 0) {
        pollfd done{pidfd, POLLIN, 0};
        ended = ::poll(&done, 1, static_cast<int>(timeout.count())) == 1;
        ::close(pidfd);
    }
    int status = 0;
    if (!ended) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return std::nullopt;
    }
    ::waitpid(pid, &status, 0);
    return status;
}

void exec_keywizard(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& environment) {
    std::vector<std::string> argv_strings = {keywizard_binary()};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_strings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    ::clearenv();
    for (const auto& [name, value] : environment) {
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(key_prompt_tests)

BOOST_AUTO_TEST_CASE(a_key_line_is_enough_even_when_the_pipe_stays_open) {
    CliFixture fixture;
    int to_child[2];
    BOOST_TEST_REQUIRE(::pipe(to_child) == 0);
    const auto args = [&] {
        std::vector<std::string> a = {"check", "--stdin"};
        const auto endpoint = fixture.endpoint_args();
        a.insert(a.end(), endpoint.begin(), endpoint.end());
        return a;
    }();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(to_child[0], STDIN_FILENO);
        ::close(to_child[0]);
        ::close(to_child[1]);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        exec_keywizard(args, fixture.environment());
    }
    ::close(to_child[0]);
    const std::string line = valid_key + "\n";
    BOOST_TEST_REQUIRE(::write(to_child[1], line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    // The write end stays open: the check must not wait for the end of input.
    const auto status = wait_for_exit(pid, 20s);
    ::close(to_child[1]);
    BOOST_TEST_REQUIRE(status.has_value(), "keywizard check --stdin waited for the end of input");
    BOOST_TEST(WIFEXITED(*status));
    BOOST_TEST(WEXITSTATUS(*status) == 0);
    BOOST_TEST(fixture.server().request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(ctrl_c_at_the_hidden_prompt_leaves_echo_on) {
    CliFixture fixture;
    int controller = -1;
    int terminal = -1;
    BOOST_TEST_REQUIRE(::openpty(&controller, &terminal, nullptr, nullptr, nullptr) == 0);
    termios before{};
    BOOST_TEST_REQUIRE(::tcgetattr(terminal, &before) == 0);
    BOOST_TEST_REQUIRE((before.c_lflag & ECHO) != 0u);

    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(controller);
        ::setsid();
        ::ioctl(terminal, TIOCSCTTY, 0);
        ::dup2(terminal, STDIN_FILENO);
        ::dup2(terminal, STDOUT_FILENO);
        ::dup2(terminal, STDERR_FILENO);
        exec_keywizard({"check", "--stdin"}, fixture.environment());
    }
    std::string seen;
    BOOST_TEST_REQUIRE(read_until(controller, "will not be shown", 10s, seen), seen);
    termios during{};
    BOOST_TEST_REQUIRE(::tcgetattr(terminal, &during) == 0);
    BOOST_TEST((during.c_lflag & ECHO) == 0u);  // hidden while the key is typed

    ::kill(pid, SIGINT);  // what Ctrl-C sends
    const auto status = wait_for_exit(pid, 10s);
    BOOST_TEST_REQUIRE(status.has_value());
    BOOST_TEST(WIFSIGNALED(*status));  // ended by the signal, as a shell expects
    termios after{};
    BOOST_TEST_REQUIRE(::tcgetattr(terminal, &after) == 0);
    BOOST_TEST((after.c_lflag & ECHO) != 0u);
    ::close(controller);
    ::close(terminal);
}

BOOST_AUTO_TEST_CASE(show_prints_nothing_that_drives_the_terminal_or_reveals_a_password) {
    CliFixture fixture;
    std::filesystem::create_directories(fixture.config_dir());
    std::ofstream(fixture.config_dir() / "settings.json")
        << R"({"organization": "org-\u001b[31mred\u001b[0m", "project": "proj_\u202eevil",)"
        << R"( "proxy": "http://user:hunter2secret@proxy.example:3128", "required_models": ["gpt\u2028x"]})";
    const ProcessResult shown = fixture.run({"show"});
    BOOST_TEST(shown.out.find('\x1b') == std::string::npos);
    BOOST_TEST(shown.out.find("\u202e") == std::string::npos);
    BOOST_TEST(shown.out.find("\u2028") == std::string::npos);
    BOOST_TEST(shown.out.find("hunter2secret") == std::string::npos);
    BOOST_TEST(shown.out.find("proxy.example:3128") != std::string::npos);
    const ProcessResult json = fixture.run({"show", "--json"});
    BOOST_TEST(json.out.find("hunter2secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(set_records_where_the_key_was_verified_even_from_the_environment) {
    CliFixture fixture;
    fixture.environment()["OPENAI_BASE_URL"] = fixture.server().base_url() + "/v1";
    const ProcessResult set =
        fixture.run({"set", "--store", "file", "--ca-file", TestPki::instance().ca_file()}, valid_key);
    BOOST_TEST_REQUIRE(set.exit_code == 0, set.err);
    const ProcessResult shown = fixture.run({"show"});
    BOOST_TEST(shown.out.find("Verified at:     " + fixture.server().base_url() + "/v1") != std::string::npos,
               shown.out);
    BOOST_TEST(shown.out.find("(from OPENAI_BASE_URL)") != std::string::npos, shown.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
