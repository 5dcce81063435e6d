// SSLKEYLOGFILE makes libcurl's OpenSSL backend write each connection's TLS secrets, enough to decrypt the
// request that carries the key, to the file it names. init_http_globally unsets it before libcurl reads
// it; a check that still sees it set (a host that initialised libcurl itself) refuses before any I/O.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_pki.h"

extern char** environ;

using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using namespace keywizard::test;

namespace {

struct HelperResult {
    int exit_code = -1;
    std::string output;
};

// Runs the helper with this environment plus `extra` ("NAME=value"); it ends by itself within its 10 s
// check timeout, so reading its pipe to the end is bounded.
HelperResult run_helper(const std::vector<std::string>& args, const std::string& extra) {
    std::vector<std::string> env_strings{extra};
    for (char** entry = environ; *entry != nullptr; ++entry) {
        env_strings.emplace_back(*entry);
    }
    std::vector<char*> envp;
    for (auto& entry : env_strings) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings{TLS_KEY_LOG_HELPER};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_strings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    int out[2];
    BOOST_REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, out[1], 2);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    BOOST_REQUIRE(spawned == 0);
    HelperResult result;
    char buffer[4096];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) {
        result.output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tls_key_log_tests, ApiFixture)

BOOST_AUTO_TEST_CASE(init_http_globally_ignores_sslkeylogfile_so_no_secrets_are_written) {
    const TempDir scratch("keylog-test");
    const auto key_log = scratch.path() / "tls-secrets.log";
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    const auto result = run_helper({server.base_url() + "/v1", TestPki::instance().ca_file()},
                                   "SSLKEYLOGFILE=" + key_log.string());
    BOOST_TEST(result.exit_code == 0, result.output);
    BOOST_TEST(result.output == "ok\n");
    BOOST_TEST(server.request_count() == 1u);
    BOOST_TEST(!std::filesystem::exists(key_log));
}

BOOST_AUTO_TEST_CASE(a_check_that_still_sees_sslkeylogfile_refuses_before_any_io_and_says_why) {
    const TempDir scratch("keylog-test");
    const auto key_log = scratch.path() / "tls-secrets.log";
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    environment.set("SSLKEYLOGFILE", key_log.string());

    const auto outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::invalid_setting);
    BOOST_TEST(outcome.message.find("SSLKEYLOGFILE") != std::string::npos, outcome.message);
    BOOST_TEST(outcome.message.find("decrypt") != std::string::npos, outcome.message);
    BOOST_TEST(outcome.message.find("Unset SSLKEYLOGFILE") != std::string::npos, outcome.message);

    keywizard::net::HttpRequest request;
    request.url = server.base_url() + "/v1/models";
    request.ca_file = TestPki::instance().ca_file();
    const auto response = keywizard::net::http_get(request);
    BOOST_TEST((response.error == keywizard::net::Reason::invalid_setting), response.error_detail);
    BOOST_TEST(server.request_count() == 0u);
    BOOST_TEST(server.connection_count() == 0u);
    BOOST_TEST(!std::filesystem::exists(key_log));
}

BOOST_AUTO_TEST_SUITE_END()
