// Reads of our own files are bounded: only regular files (a FIFO must not hang, /dev/zero must not be
// read forever), at most 4 MiB, settings.json at most 64 levels deep; and the config directory is never
// relative to wherever we were started.

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>

#include "settings/app_settings.h"
#include "settings/key_storage.h"
#include "settings/settings_json.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

// The shared fixture, with the config folder already there.
struct ConfigFolderFixture : NoKeyringFixture {
    ConfigFolderFixture() { std::filesystem::create_directories(config); }
};

// Runs `body` in a forked child with a deadline: a hang or a crash fails the test instead of stalling or
// ending the test runner.
ChildResult bounded(const std::function<int(int)>& body) {
    return run_forked(body, std::chrono::seconds(20));
}

std::string nested_settings(std::size_t depth) {
    // depth levels in all: the top-level object, then depth - 1 arrays.
    return "{\"required_models\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
}

bool has_corrupt_copy(const std::filesystem::path& dir) {
    for (const auto& name : names_in(dir)) {
        if (name.starts_with("settings.json.corrupt-")) {
            return true;
        }
    }
    return false;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(bounded_read_tests, ConfigFolderFixture)

BOOST_AUTO_TEST_CASE(a_fifo_as_settings_json_or_env_is_refused_at_once_and_nothing_is_written) {
    BOOST_TEST_REQUIRE(::mkfifo((config / "settings.json").c_str(), 0600) == 0);
    BOOST_TEST_REQUIRE(::mkfifo((config / ".env").c_str(), 0600) == 0);
    const auto child = bounded([&](int report) {
        KeyStorage storage(config);
        const auto loaded = storage.settings_file().load();
        const auto read = storage.read_key();
        const auto saved = storage.save_key(valid_key, SecretBackend::file);
        const auto forgotten = storage.forget_key();
        write_report(report, (loaded.warnings.empty() ? "no warning" : loaded.warnings.front()) + "\n" +
                                 read.message + "\n" + saved.message + "\n" + forgotten.message + "\n");
        return saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(
        child.output.find((config / "settings.json").string() + " is a FIFO (named pipe), not a regular "
                                                                "file") != std::string::npos,
        child.output);
    BOOST_TEST(child.output.find((config / ".env").string() + " is a FIFO") != std::string::npos,
               child.output);
    BOOST_TEST(child.output.find("Nothing was changed") != std::string::npos, child.output);
    BOOST_TEST(child.output.find(valid_key) == std::string::npos);
    BOOST_TEST(std::filesystem::is_fifo(config / "settings.json"));
    BOOST_TEST(std::filesystem::is_fifo(config / ".env"));
}

BOOST_AUTO_TEST_CASE(symlinks_to_dev_zero_and_a_directory_are_refused_without_reading) {
    std::filesystem::create_symlink("/dev/zero", config / "settings.json");
    std::filesystem::create_symlink("/dev/zero", config / ".env");
    const auto child = bounded([&](int report) {
        KeyStorage storage(config);
        const auto loaded = storage.settings_file().load();
        const auto read = storage.read_key();
        write_report(report, (loaded.warnings.empty() ? "no warning" : loaded.warnings.front()) + "\n" +
                                 read.message + "\n");
        return read.state == SecretReadState::failed ? 0 : 1;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find((config / "settings.json").string() + " is a device") != std::string::npos,
               child.output);
    BOOST_TEST(child.output.find((config / ".env").string() + " is a device") != std::string::npos,
               child.output);

    std::filesystem::remove(config / "settings.json");
    std::filesystem::create_directory(config / "settings.json");
    const auto loaded = SettingsFile(config).load();
    BOOST_TEST_REQUIRE(loaded.warnings.size() == 1u);
    BOOST_TEST(loaded.warnings.front().find("is a directory") != std::string::npos, loaded.warnings.front());
}

BOOST_AUTO_TEST_CASE(settings_json_over_4_mib_is_corrupt_and_moved_aside) {
    write_file(config / "settings.json",
               "{\"organization\":\"org-kwtest\",\"notes\":\"" + std::string(4 * 1024 * 1024, 'n') + "\"}");
    const auto loaded = SettingsFile(config).load();
    BOOST_TEST_REQUIRE(loaded.warnings.size() == 1u);
    BOOST_TEST(loaded.warnings.front().find("larger than 4 MiB") != std::string::npos,
               loaded.warnings.front());
    BOOST_TEST(loaded.warnings.front().find("moved it to") != std::string::npos, loaded.warnings.front());
    BOOST_TEST(loaded.settings.organization.empty());
    BOOST_TEST(has_corrupt_copy(config));
    BOOST_TEST(!std::filesystem::exists(config / "settings.json"));
}

BOOST_AUTO_TEST_CASE(an_env_over_4_mib_is_not_read_and_not_overwritten) {
    const std::string big = "OPENAI_API_KEY=" + valid_key + "\n# " + std::string(4 * 1024 * 1024, 'x') + "\n";
    write_file(config / ".env", big);
    KeyStorage storage(config);
    const auto read = storage.read_key();
    BOOST_TEST((read.state == SecretReadState::failed));
    BOOST_TEST(read.message.find("larger than 4 MiB") != std::string::npos, read.message);
    const auto saved = storage.save_key(other_valid_key, SecretBackend::file);
    BOOST_TEST(!saved.ok);
    BOOST_TEST(saved.message.find("Nothing was changed") != std::string::npos, saved.message);
    BOOST_TEST(read_file(config / ".env") == big);
}

BOOST_DATA_TEST_CASE(nesting_up_to_64_levels_is_read_and_deeper_is_corrupt,
                     boost::unit_test::data::make({std::size_t{64}, std::size_t{65}, std::size_t{100'000}}),
                     depth) {
    const auto parsed = parse_settings_text(nested_settings(depth));
    BOOST_TEST(parsed.tree.has_value() == (depth <= 64));
    if (depth > 64) {
        BOOST_TEST(parsed.corruption == "it is nested more than 64 levels deep");
    }
}

BOOST_AUTO_TEST_CASE(brackets_inside_strings_do_not_count_as_nesting) {
    const auto parsed = parse_settings_text("{\"notes\":\"" + std::string(1000, '[') + "\\\"{{{\"}");
    BOOST_TEST(parsed.tree.has_value(), parsed.corruption);
}

BOOST_AUTO_TEST_CASE(a_100k_deep_settings_json_does_not_crash_set_or_forget_and_is_moved_aside) {
    write_file(config / "settings.json", nested_settings(100'000));
    const auto child = bounded([&](int report) {
        KeyStorage storage(config);
        const auto saved = storage.save_key(valid_key, SecretBackend::file,
                                            [](AppSettings& s) { s.base_url = "https://127.0.0.1:9/v1"; });
        write_report(report, saved.message + "\n");
        write_file(config / "settings.json", nested_settings(100'000));
        const auto forgotten = storage.forget_key();
        write_report(report, forgotten.message + "\n");
        return saved.ok && forgotten.ok ? 0 : 1;
    });
    BOOST_TEST_REQUIRE(child.exited, "signal " << child.signal << ": " << child.output);
    BOOST_TEST(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("nested more than 64 levels deep") != std::string::npos, child.output);
    BOOST_TEST(has_corrupt_copy(config));
    BOOST_TEST((!std::filesystem::exists(config / "settings.json") ||
                std::filesystem::file_size(config / "settings.json") < 4096u));
}

BOOST_AUTO_TEST_CASE(a_relative_home_is_ignored_for_the_password_database_home) {
    const auto child = bounded([&](int report) {
        ::setenv("HOME", "relative/home", 1);
        ::unsetenv("XDG_CONFIG_HOME");
        const passwd* entry = ::getpwuid(::getuid());
        const auto dir = config_directory_for("keywizard");
        write_report(report, dir.string());
        return entry != nullptr && dir == std::filesystem::path(entry->pw_dir) / ".config" / "keywizard" &&
                       !config_directory_problem()
                   ? 0
                   : 1;
    });
    BOOST_TEST(child.exit_code == 0, child.output);
}

BOOST_AUTO_TEST_CASE(with_no_absolute_home_left_nothing_is_written_under_the_working_directory) {
    // A user id with no password database entry and a relative HOME: nothing absolute is left.
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
    const auto child = bounded([&](int report) {
        const uid_t stranger = 54321;
        if (::getpwuid(stranger) != nullptr || ::setgid(stranger) != 0 || ::setuid(stranger) != 0 ||
            ::chdir(dir.path().c_str()) != 0) {
            write_report(report, "could not become a user without a home");
            return 95;
        }
        ::setenv("HOME", ".", 1);
        ::unsetenv("XDG_CONFIG_HOME");
        const auto problem = config_directory_problem();
        KeyStorage storage(config_directory_for("keywizard"));
        const auto saved = storage.save_key(valid_key, SecretBackend::file);
        const auto updated = storage.settings_file().update([](AppSettings& s) { s.organization = "org-x"; });
        write_report(report, problem.value_or("no problem") + "\n" + saved.message + "\n" + updated.message);
        return problem && !saved.ok && !updated.ok ? 0 : 1;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("set HOME or XDG_CONFIG_HOME to an absolute path") != std::string::npos,
               child.output);
    BOOST_TEST(!std::filesystem::exists(dir.path() / ".config"));
}

BOOST_AUTO_TEST_SUITE_END()
