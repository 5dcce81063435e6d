// Writes that must never lose or expose the previous file: permissions, symlinks, read-only
// directories, a full disk, an unreadable file, a writer killed before its rename.

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstring>

#include "settings/app_settings.h"
#include "settings/atomic_file_writer.h"
#include "settings/file_lock.h"
#include "settings/secret_store.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

// The folder 0700 and both files in it 0600: only their owner may read the key or list the folder.
void check_private_modes(const std::filesystem::path& config) {
    BOOST_TEST(file_mode(config) == 0700u);
    BOOST_TEST(file_mode(config / "settings.json") == 0600u);
    BOOST_TEST(file_mode(config / ".env") == 0600u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_safety_tests)

BOOST_AUTO_TEST_CASE(new_directory_is_0700_and_files_are_0600_whatever_the_umask) {
    TempDir dir;
    const auto config = dir.path() / "nested" / "keywizard";
    const mode_t old_umask = ::umask(0);
    const auto saved = SettingsFile(config).update([](AppSettings& s) { s.project = "p"; });
    const auto env_saved = make_dotenv_store(config)->write(valid_key);
    ::umask(old_umask);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST_REQUIRE(env_saved.ok, env_saved.message);
    check_private_modes(config);
}

BOOST_AUTO_TEST_CASE(existing_wider_directory_and_files_are_tightened_on_save) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    std::filesystem::create_directory(config);
    ::chmod(config.c_str(), 0755);
    write_file(config / "settings.json", R"({"project": "p"})", 0644);
    write_file(config / ".env", "OTHER=1\n", 0664);

    BOOST_TEST_REQUIRE(SettingsFile(config).update([](AppSettings& s) { s.organization = "o"; }).ok);
    BOOST_TEST_REQUIRE(make_dotenv_store(config)->write(valid_key).ok);
    check_private_modes(config);
}

BOOST_FIXTURE_TEST_CASE(symlinked_files_are_written_through_to_their_targets, DotfilesFixture) {
    write_file(dotfiles / "keywizard.json", R"({"mine": true})", 0644);
    std::filesystem::create_symlink("../dotfiles/keywizard.json", config / "settings.json");
    link_env("# my env\nOTHER=1\n");

    BOOST_TEST_REQUIRE(SettingsFile(config).update([](AppSettings& s) { s.project = "proj-kwtest"; }).ok);
    BOOST_TEST_REQUIRE(make_dotenv_store(config)->write(valid_key).ok);

    BOOST_TEST(std::filesystem::is_symlink(config / "settings.json"));
    BOOST_TEST(std::filesystem::is_symlink(config / ".env"));
    const auto json = read_file(dotfiles / "keywizard.json");
    BOOST_TEST(json.find("\"mine\": true") != std::string::npos);
    BOOST_TEST(json.find("\"project\": \"proj-kwtest\"") != std::string::npos);
    BOOST_TEST(read_file(dotfiles / "keywizard.env") ==
               "# my env\nOTHER=1\nOPENAI_API_KEY=" + valid_key + "\n");
    BOOST_TEST(file_mode(dotfiles / "keywizard.json") == 0600u);
    BOOST_TEST(!has_temp_files(config));
    BOOST_TEST(!has_temp_files(dotfiles));
}

BOOST_AUTO_TEST_CASE(a_dangling_symlink_gets_its_target_created) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    std::filesystem::create_directories(config);
    std::filesystem::create_symlink(dir.path() / "elsewhere.json", config / "settings.json");
    BOOST_TEST_REQUIRE(SettingsFile(config).update([](AppSettings& s) { s.project = "p"; }).ok);
    BOOST_TEST(std::filesystem::is_symlink(config / "settings.json"));
    BOOST_TEST(read_file(dir.path() / "elsewhere.json").find("\"project\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(read_only_directory_fails_with_the_path_and_keeps_the_original) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    SettingsFile file(config);
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) { s.organization = "org-original"; }).ok);
    BOOST_TEST_REQUIRE(make_dotenv_store(config)->write(valid_key).ok);
    const auto original_json = read_file(file.path());
    const auto original_env = read_file(config / ".env");

    const auto child = run_forked([&](int report) {
        if (int failed = enter_private_mount_namespace(report)) {
            return failed;
        }
        if (int failed = bind_read_only(config, report)) {
            return failed;
        }
        const auto saved = SettingsFile(config).update([](AppSettings& s) { s.organization = "org-new"; });
        const auto env_saved = make_dotenv_store(config)->write(other_valid_key);
        write_report(report, saved.message + "\n" + env_saved.message);
        return saved.ok || env_saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find(file.path().string()) != std::string::npos, child.output);
    BOOST_TEST(child.output.find((config / ".env").string()) != std::string::npos, child.output);
    BOOST_TEST(child.output.find("Read-only file system") != std::string::npos, child.output);
    BOOST_TEST(read_file(file.path()) == original_json);
    BOOST_TEST(read_file(config / ".env") == original_env);
    BOOST_TEST(!has_temp_files(config));
}

BOOST_AUTO_TEST_CASE(disk_full_fails_with_the_path_and_keeps_the_original) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    std::filesystem::create_directories(config);
    // Everything happens inside the child's tmpfs, so the child checks the aftermath itself.
    const auto child = run_forked([&](int report) {
        if (int failed = enter_private_mount_namespace(report)) {
            return failed;
        }
        if (::mount("tmpfs", config.c_str(), "tmpfs", 0, "size=64k,mode=0700") != 0) {
            write_report(report, std::string("mount tmpfs: ") + std::strerror(errno));
            return 93;
        }
        SettingsFile file(config);
        if (!file.update([](AppSettings& s) { s.organization = "org-original"; }).ok) {
            return 94;
        }
        const auto original = read_file(file.path());
        const int filler = ::open((config / "filler").c_str(), O_WRONLY | O_CREAT, 0600);
        const std::string block(4096, 'x');
        while (::write(filler, block.data(), block.size()) > 0) {
        }
        const bool filled = errno == ENOSPC;
        ::close(filler);

        const auto saved = file.update([](AppSettings& s) {
            s.organization = "org-new";
            s.required_models.assign(50, std::string(100, 'm'));
        });
        write_report(report, saved.message + "\nfilled=" + std::to_string(filled) +
                                 "\nintact=" + std::to_string(read_file(file.path()) == original) +
                                 "\ntemps=" + std::to_string(has_temp_files(config)) + "\n");
        return saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("filled=1") != std::string::npos, child.output);
    BOOST_TEST(child.output.find((config / "settings.json").string()) != std::string::npos, child.output);
    BOOST_TEST(child.output.find("No space left on device") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("intact=1") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("temps=0") != std::string::npos, child.output);
}

BOOST_AUTO_TEST_CASE(unreadable_file_is_reported_not_moved_and_not_overwritten) {
    // Run as nobody: root reads everything, so a chmod alone would prove nothing.
    TempDir dir;
    ::chmod(dir.path().c_str(), 0755);
    const auto config = dir.path() / "keywizard";
    SettingsFile file(config);
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) { s.organization = "org-original"; }).ok);
    const auto original = read_file(file.path());
    const uid_t nobody = 65534;
    BOOST_TEST_REQUIRE(::chown(config.c_str(), nobody, nobody) == 0);
    BOOST_TEST_REQUIRE(::chown(lock_path_for(file.path()).c_str(), nobody, nobody) == 0);

    const auto child = run_forked([&](int report) {
        if (::setgid(nobody) != 0 || ::setuid(nobody) != 0) {
            write_report(report, "could not become nobody");
            return 95;
        }
        const auto loaded = file.load();
        const auto saved = file.update([](AppSettings& s) { s.organization = "org-new"; });
        write_report(report, (loaded.warnings.empty() ? "no warning" : loaded.warnings.front()) + "\n" +
                                 saved.message);
        return saved.ok || loaded.settings.organization != "" ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("could not read " + file.path().string() + ": Permission denied") !=
                   std::string::npos,
               child.output);
    BOOST_TEST(child.output.find("not saved") != std::string::npos, child.output);
    BOOST_TEST(read_file(file.path()) == original);
    BOOST_TEST(names_in(config) == (std::vector<std::string>{".settings.json.lock", "settings.json"}));
}

BOOST_AUTO_TEST_CASE(writer_killed_before_rename_leaves_the_original_and_its_temp_is_cleaned_next_time) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    SettingsFile file(config);
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) { s.organization = "org-original"; }).ok);
    const auto original = read_file(file.path());

    ChildProcess writer([&](int report) {
        testing::set_before_rename_hook([report](const std::filesystem::path& temp) {
            write_report(report, "paused " + temp.string() + "\n");
            ::pause();  // until SIGKILL
        });
        file.update([](AppSettings& s) { s.organization = "org-half-written"; });
        return 0;
    });
    BOOST_TEST_REQUIRE(writer.wait_for_output("\n", std::chrono::seconds(30)), writer.output());
    BOOST_TEST_REQUIRE(has_temp_files(config));  // written and fsynced, not yet renamed
    writer.kill_now();

    BOOST_TEST(read_file(file.path()) == original);
    BOOST_TEST(has_temp_files(config));  // the stray the killed writer left
    // The kernel dropped the dead writer's lock with its descriptors: nothing to detect or break.
    BOOST_TEST(FileLock::try_acquire(lock_path_for(file.path())).has_value());

    const auto loaded = SettingsFile(config).load();  // the next start
    BOOST_TEST(loaded.settings.organization == "org-original");
    BOOST_TEST(loaded.warnings.empty());
    BOOST_TEST(!has_temp_files(config));
    BOOST_TEST_REQUIRE(SettingsFile(config).update([](AppSettings& s) { s.organization = "org-after"; }).ok);
    BOOST_TEST(SettingsFile(config).load().settings.organization == "org-after");
}

BOOST_AUTO_TEST_CASE(a_lock_held_elsewhere_makes_a_writer_give_up_after_its_wait_with_the_lock_path) {
    TempDir dir;
    const auto lock_path = lock_path_for(dir.path() / "settings.json");
    auto held =
        FileLock::try_acquire(lock_path);  // another open file description: excludes like another process
    BOOST_TEST_REQUIRE(held.has_value());
    BOOST_TEST(!FileLock::try_acquire(lock_path).has_value());
    std::string error;
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(!FileLock::acquire(lock_path, std::chrono::milliseconds(200), error).has_value());
    BOOST_TEST((std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(200)));
    BOOST_TEST(error.find(lock_path.string()) != std::string::npos, error);
    held.reset();
    BOOST_TEST(FileLock::acquire(lock_path, std::chrono::milliseconds(200), error).has_value());
}

BOOST_AUTO_TEST_CASE(cleanup_removes_only_temp_files_of_that_file) {
    TempDir dir;
    const auto config = dir.path();
    write_file(config / ".settings.json.tmp-1234-0-99", "stale");
    write_file(config / ".env.tmp-1234-0-99", "stale secret");
    write_file(config / "settings.json.tmp-notours", "keep");
    write_file(config / "notes.txt", "keep");
    (void)SettingsFile(config).load();
    BOOST_TEST(names_in(config) == (std::vector<std::string>{".env.tmp-1234-0-99", ".settings.json.lock",
                                                             "notes.txt", "settings.json.tmp-notours"}));
    BOOST_TEST_REQUIRE(make_dotenv_store(config)->write(valid_key).ok);
    BOOST_TEST(!std::filesystem::exists(config / ".env.tmp-1234-0-99"));
}

BOOST_AUTO_TEST_SUITE_END()
