// Each way the Secret Service can be out of reach, reproduced for real in a child process with its own
// environment (libsecret keeps one connection per process): the call must come back quickly, as
// "unavailable" rather than "not found", with a reason a person can act on, and never open a prompt.

#include <boost/test/unit_test.hpp>

#include "private_bus.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;
using namespace std::chrono_literals;

namespace {

struct HelperRun {
    std::string output;
    std::string message;
    long elapsed_ms = -1;
    int exit_code = -1;
};

HelperRun run_helper(const std::string& operation, const Environment& environment, long timeout_ms = 5000,
                     const std::string& stdin_text = {}) {
    const auto result = run_program({helper_path(), operation, std::to_string(timeout_ms)}, environment,
                                    stdin_text, std::chrono::milliseconds(timeout_ms) + 20s);
    HelperRun run{result.output, report_field(result.output, "message"), -1, result.exit_code};
    const auto elapsed = report_field(result.output, "elapsed_ms");
    run.elapsed_ms = elapsed.starts_with("<") ? -1 : std::stol(elapsed);
    return run;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Where libsecret fails fast, the answer must come well before the 5 s timeout would have cut it off
// (typically 5-100 ms; the margin is for a loaded CI machine).
constexpr long well_under_timeout_ms = 3000;

}  // namespace

BOOST_AUTO_TEST_SUITE(keyring_failure_tests)

BOOST_AUTO_TEST_CASE(no_session_bus_is_reported_at_once_and_nothing_is_autolaunched) {
    TempDir scratch;
    // DISPLAY stays as it is: with a display GLib would autolaunch a new bus, which must not happen.
    const Environment no_bus{{"DBUS_SESSION_BUS_ADDRESS", std::nullopt},
                             {"XDG_RUNTIME_DIR", scratch.path().string()}};
    const auto probe = run_helper("probe", no_bus);
    BOOST_TEST(
        probe.message ==
            "No D-Bus session bus: the keyring cannot be reached (DBUS_SESSION_BUS_ADDRESS is not set)",
        probe.output);
    BOOST_TEST(probe.elapsed_ms < well_under_timeout_ms, probe.output);

    const auto read = run_helper("read", no_bus);
    BOOST_TEST(report_field(read.output, "state") == "unavailable", read.output);
    BOOST_TEST(read.message == probe.message);
    const auto write = run_helper("write", no_bus, 5000, valid_key);
    BOOST_TEST(report_field(write.output, "ok") == "0", write.output);
    BOOST_TEST(write.message == probe.message);
    BOOST_TEST(!contains(write.output, valid_key));
}

BOOST_AUTO_TEST_CASE(a_bus_address_where_nothing_listens_is_reported_with_the_address) {
    TempDir scratch;
    const auto address = "unix:path=" + (scratch.path() / "dead-bus").string();
    const Environment dead_bus{{"DBUS_SESSION_BUS_ADDRESS", address}};
    const auto probe = run_helper("probe", dead_bus);
    BOOST_TEST(probe.message == "No D-Bus session bus: the keyring cannot be reached (could not connect to " +
                                    address + ": Could not connect: No such file or directory)",
               probe.output);
    BOOST_TEST(probe.elapsed_ms < well_under_timeout_ms, probe.output);
    const auto read = run_helper("read", dead_bus);
    BOOST_TEST(report_field(read.output, "state") == "unavailable", read.output);
}

BOOST_AUTO_TEST_CASE(a_bus_without_a_secret_service_provider_is_reported_as_no_provider) {
    TempDir scratch;
    PrivateBus bus(scratch.path());
    const auto probe = run_helper("probe", bus.environment());
    BOOST_TEST(contains(probe.message, "No Secret Service provider"), probe.output);
    BOOST_TEST(contains(probe.message, "org.freedesktop.secrets"), probe.output);
    BOOST_TEST(probe.elapsed_ms < well_under_timeout_ms, probe.output);

    const auto read = run_helper("read", bus.environment());
    BOOST_TEST(report_field(read.output, "state") == "unavailable", read.output);
    BOOST_TEST(read.message == probe.message, read.output);
    const auto write = run_helper("write", bus.environment(), 5000, valid_key);
    BOOST_TEST(report_field(write.output, "ok") == "0", write.output);
    BOOST_TEST(write.message == probe.message, write.output);
    const auto erase = run_helper("erase", bus.environment());
    BOOST_TEST(report_field(erase.output, "ok") == "0", erase.output);
}

BOOST_AUTO_TEST_CASE(a_locked_keyring_is_reported_as_locked_without_a_prompt) {
    TempDir scratch;
    PrivateBus bus(scratch.path());
    PrivateKeyring keyring(bus, /*unlock=*/true);
    BOOST_TEST_REQUIRE(keyring.ready(), keyring.output());
    const auto stored = run_helper("write", bus.environment(), 5000, valid_key);
    BOOST_TEST_REQUIRE(report_field(stored.output, "ok") == "1", stored.output);
    const auto locked = run_program({helper_path(), "lock-default"}, bus.environment(), {}, 20s);
    BOOST_TEST_REQUIRE(locked.exit_code == 0, locked.output);

    const auto probe = run_helper("probe", bus.environment());
    BOOST_TEST(contains(probe.message, "The keyring is locked"), probe.output);
    BOOST_TEST(probe.elapsed_ms < well_under_timeout_ms, probe.output);
    // The key is there but cannot be read: unavailable, not "not found".
    const auto read = run_helper("read", bus.environment());
    BOOST_TEST(report_field(read.output, "state") == "unavailable", read.output);
    BOOST_TEST(contains(read.message, "The keyring is locked"), read.output);
    BOOST_TEST(read.elapsed_ms < well_under_timeout_ms, read.output);
    const auto write = run_helper("write", bus.environment(), 5000, other_valid_key);
    BOOST_TEST(report_field(write.output, "ok") == "0", write.output);
    BOOST_TEST(contains(write.message, "The keyring is locked"), write.output);
    BOOST_TEST(write.elapsed_ms < well_under_timeout_ms, write.output);
    const auto erase = run_helper("erase", bus.environment());
    BOOST_TEST(report_field(erase.output, "ok") == "0", erase.output);
    BOOST_TEST(contains(erase.message, "The keyring is locked"), erase.output);
}

BOOST_AUTO_TEST_CASE(a_keyring_without_a_default_collection_is_reported_without_a_prompt) {
    TempDir scratch;
    PrivateBus bus(scratch.path());
    PrivateKeyring keyring(bus, /*unlock=*/false);  // fresh data, never unlocked: no login keyring exists
    BOOST_TEST_REQUIRE(keyring.ready(), keyring.output());

    const auto probe = run_helper("probe", bus.environment());
    BOOST_TEST(contains(probe.message, "no default collection"), probe.output);
    const auto write = run_helper("write", bus.environment(), 5000, valid_key);
    BOOST_TEST(report_field(write.output, "ok") == "0", write.output);
    BOOST_TEST(write.message == probe.message, write.output);
    BOOST_TEST(write.elapsed_ms < well_under_timeout_ms, write.output);
    const auto read = run_helper("read", bus.environment());
    BOOST_TEST(report_field(read.output, "state") == "not_found", read.output);
}

BOOST_AUTO_TEST_CASE(a_provider_that_never_answers_gives_a_timeout_within_the_bound) {
    TempDir scratch;
    PrivateBus bus(scratch.path());
    ChildProcess silent({helper_path(), "silent-provider"}, bus.environment());
    BOOST_TEST_REQUIRE(silent.wait_for_output("ready", 10s), silent.output());

    for (const std::string operation : {"probe", "read", "write", "erase"}) {
        BOOST_TEST_CONTEXT(operation) {
            const auto run = run_helper(operation, bus.environment(), 1000, valid_key);
            BOOST_TEST(run.message ==
                           "The keyring did not answer within 1 s: the Secret Service provider "
                           "(org.freedesktop.secrets) seems to be stuck",
                       run.output);
            BOOST_TEST(run.elapsed_ms >= 1000, run.output);
            BOOST_TEST(run.elapsed_ms < 3000, run.output);  // the bound, plus scheduling
            if (operation == "read") {
                BOOST_TEST(report_field(run.output, "state") == "unavailable", run.output);
            }
            BOOST_TEST(run.exit_code == 0, run.output);  // and the process still exits normally
        }
    }
}

BOOST_AUTO_TEST_CASE(losing_the_bus_while_running_is_reported_and_does_not_end_the_process) {
    TempDir scratch;
    PrivateBus bus(scratch.path());
    ChildProcess app({helper_path(), "until-bus-lost"}, bus.environment());
    BOOST_TEST_REQUIRE(app.wait_for_output("connected", 10s), app.output());
    bus.stop();
    const auto result = app.wait(30s);
    BOOST_TEST(result.signal == 0, result.output);
    BOOST_TEST(result.exit_code == 0, result.output);
    BOOST_TEST(contains(report_field(result.output, "message"), "No D-Bus session bus"), result.output);
}

BOOST_AUTO_TEST_SUITE_END()
