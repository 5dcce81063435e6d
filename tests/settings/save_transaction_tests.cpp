// KeyStorage::save_key is one transaction: the key and the settings recorded with it are saved together
// or not at all, under one lock, and the message says which. forget_key removes every copy it knows of,
// including a temp file that a killed save left.

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "settings/atomic_file_writer.h"
#include "settings/dotenv_text.h"
#include "settings/file_lock.h"
#include "settings/key_storage.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

std::string stored_key(const std::filesystem::path& config) {
    std::error_code ec;
    if (!std::filesystem::exists(config / ".env", ec)) {
        return {};
    }
    return find_dotenv_value(read_file(config / ".env"), "OPENAI_API_KEY").value_or("");
}

// A fake-shaped key and a base URL that name the same save, so a mixed pair is visible.
const std::string pair_key_prefix = "sk-proj-kwtestpairkwtestpair";
std::string key_for(const std::string& tag) {
    return pair_key_prefix + tag;
}
std::string url_for(const std::string& tag) {
    return "https://127.0.0.1:9/v1/" + tag;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(save_transaction_tests, NoKeyringFixture)

BOOST_AUTO_TEST_CASE(twenty_concurrent_saves_always_leave_one_saves_key_with_that_saves_base_url) {
    constexpr int processes = 20;
    constexpr int saves = 5;
    std::vector<std::unique_ptr<ChildProcess>> children;
    for (int p = 0; p < processes; ++p) {
        children.push_back(std::make_unique<ChildProcess>([this, p](int report) {
            KeyStorage storage(config);
            for (int i = 0; i < saves; ++i) {
                const std::string tag = "p" + std::to_string(p) + "s" + std::to_string(i);
                const auto saved = storage.save_key(key_for(tag), SecretBackend::file,
                                                    [&](AppSettings& s) { s.base_url = url_for(tag); });
                if (!saved.ok) {
                    write_report(report, "save failed: " + saved.message + "\n");
                    return 1;
                }
                // Whatever pair is there now, seen under the lock, must belong to one save.
                std::string error;
                auto lock =
                    FileLock::acquire(lock_path_for(config / "settings.json"), default_lock_wait, error);
                if (!lock) {
                    write_report(report, error + "\n");
                    return 2;
                }
                const auto key = stored_key(config);
                const auto url = SettingsFile(config).load().settings.base_url;
                const auto key_tag = key.substr(std::min(key.size(), pair_key_prefix.size()));
                if (url != url_for(key_tag)) {
                    write_report(report, "mixed pair: key of " + key_tag + " with " + url + "\n");
                    return 3;
                }
            }
            return 0;
        }));
    }
    for (auto& child : children) {
        const auto result = child->wait(std::chrono::seconds(300));
        BOOST_TEST(result.exit_code == 0, result.output);
    }
    const auto key = stored_key(config);
    BOOST_TEST_REQUIRE(key.starts_with(pair_key_prefix));
    const auto tag = key.substr(pair_key_prefix.size());
    BOOST_TEST(SettingsFile(config).load().settings.base_url == url_for(tag));
    BOOST_TEST(!has_temp_files(config));
}

BOOST_AUTO_TEST_CASE(settings_locked_by_another_process_changes_nothing_and_says_so) {
    KeyStorage storage(config);
    BOOST_TEST_REQUIRE(
        storage
            .save_key(valid_key, SecretBackend::file, [](AppSettings& s) { s.base_url = url_for("first"); })
            .ok);
    const auto env_before = read_file(config / ".env");
    // Another open file description: excludes exactly like another process.
    auto held = FileLock::try_acquire(lock_path_for(config / "settings.json"));
    BOOST_TEST_REQUIRE(held.has_value());

    const auto saved = storage.save_key(other_valid_key, SecretBackend::file,
                                        [](AppSettings& s) { s.base_url = url_for("second"); });
    BOOST_TEST(!saved.ok);
    BOOST_TEST(saved.message.find("locked") != std::string::npos, saved.message);
    BOOST_TEST(saved.message.find("Nothing was changed") != std::string::npos, saved.message);
    BOOST_TEST(saved.message.find(other_valid_key) == std::string::npos);
    BOOST_TEST((read_file(config / ".env") == env_before));  // no values printed: one is a key
    held.reset();
    BOOST_TEST(storage.read_key().key == valid_key);
    BOOST_TEST(storage.settings_file().load().settings.base_url == url_for("first"));
}

BOOST_AUTO_TEST_CASE(disk_full_for_the_settings_after_the_key_was_written_puts_the_previous_key_back) {
    // settings.json is a symlink into a small tmpfs (written through to its target); .env is not on it,
    // so the new key is written and only the settings fail.
    const auto full = dir.path() / "full";
    std::filesystem::create_directories(full);
    std::filesystem::create_directories(config);
    std::filesystem::create_symlink(full / "settings.json", config / "settings.json");
    const auto child = run_forked([&](int report) {
        if (int failed = enter_private_mount_namespace(report)) {
            return failed;
        }
        if (::mount("tmpfs", full.c_str(), "tmpfs", 0, "size=64k,mode=0700") != 0) {
            write_report(report, std::string("mount tmpfs: ") + std::strerror(errno));
            return 93;
        }
        KeyStorage storage(config);
        const auto first = storage.save_key(valid_key, SecretBackend::file,
                                            [](AppSettings& s) { s.base_url = url_for("first"); });
        if (!first.ok) {
            write_report(report, "first save: " + first.message);
            return 94;
        }
        const int filler = ::open((full / "filler").c_str(), O_WRONLY | O_CREAT, 0600);
        const std::string block(4096, 'x');
        while (::write(filler, block.data(), block.size()) > 0) {
        }
        const bool filled = errno == ENOSPC;
        ::close(filler);
        const auto saved = storage.save_key(other_valid_key, SecretBackend::file, [](AppSettings& s) {
            s.base_url = url_for("second");
            s.required_models.assign(50, std::string(100, 'm'));
        });
        write_report(
            report, saved.message + "\nfilled=" + std::to_string(filled) +
                        "\nkey_kept=" + std::to_string(stored_key(config) == valid_key) + "\nurl_kept=" +
                        std::to_string(storage.settings_file().load().settings.base_url == url_for("first")) +
                        "\ntemps=" + std::to_string(has_temp_files(config) || has_temp_files(full)) + "\n");
        return saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("filled=1") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("No space left on device") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("Nothing was changed: the previous key was put back in " +
                                 (config / ".env").string()) != std::string::npos,
               child.output);
    BOOST_TEST(child.output.find("key_kept=1") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("url_kept=1") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("temps=0") != std::string::npos, child.output);
    BOOST_TEST(child.output.find(other_valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(read_only_settings_on_a_first_save_remove_the_new_key_again) {
    const auto read_only = dir.path() / "read-only";
    std::filesystem::create_directories(read_only);
    std::filesystem::create_directories(config);
    std::filesystem::create_symlink(read_only / "settings.json", config / "settings.json");
    const auto child = run_forked([&](int report) {
        if (int failed = enter_private_mount_namespace(report)) {
            return failed;
        }
        if (int failed = bind_read_only(read_only, report)) {
            return failed;
        }
        const auto saved = KeyStorage(config).save_key(valid_key, SecretBackend::file,
                                                       [](AppSettings& s) { s.base_url = url_for("first"); });
        write_report(report, saved.message);
        return saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("Read-only file system") != std::string::npos, child.output);
    BOOST_TEST(child.output.find("Nothing was changed: the new key was removed again from " +
                                 (config / ".env").string()) != std::string::npos,
               child.output);
    BOOST_TEST(stored_key(config).empty());
    BOOST_TEST((KeyStorage(config).read_key().state == SecretReadState::not_found));
    BOOST_TEST(!has_temp_files(config));
}

BOOST_AUTO_TEST_CASE(forget_removes_a_temp_copy_of_the_key_left_by_a_save_killed_before_its_rename) {
    ChildProcess writer([this](int report) {
        testing::set_before_rename_hook([report](const std::filesystem::path& temp) {
            if (temp.filename().string().starts_with(".env.tmp-")) {
                write_report(report, "paused\n");
                ::pause();  // until SIGKILL
            }
        });
        (void)KeyStorage(config).save_key(valid_key, SecretBackend::file);
        return 0;
    });
    BOOST_TEST_REQUIRE(writer.wait_for_output("paused\n", std::chrono::seconds(30)), writer.output());
    writer.kill_now();
    BOOST_TEST_REQUIRE(has_temp_files(config));  // the key, written and fsynced, never renamed
    BOOST_TEST(!std::filesystem::exists(config / ".env"));

    const auto forgotten = KeyStorage(config).forget_key();
    BOOST_TEST(forgotten.ok, forgotten.message);
    BOOST_TEST(forgotten.message.find("No key was stored") == std::string::npos, forgotten.message);
    BOOST_TEST(forgotten.message.find("leftover temporary copy") != std::string::npos, forgotten.message);
    BOOST_TEST(!has_temp_files(config));
    BOOST_TEST(forgotten.message.find(valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(forget_leaves_the_temp_file_of_a_live_writer_alone) {
    std::filesystem::create_directories(config);
    write_file(config / ".env.tmp-99999-0-1", "OPENAI_API_KEY=" + valid_key + "\n");
    auto live_writer = FileLock::try_acquire(lock_path_for(config / ".env"));
    BOOST_TEST_REQUIRE(live_writer.has_value());
    const auto forgotten = KeyStorage(config).forget_key();
    BOOST_TEST(forgotten.ok, forgotten.message);
    BOOST_TEST(std::filesystem::exists(config / ".env.tmp-99999-0-1"));
    live_writer.reset();
    BOOST_TEST(KeyStorage(config).forget_key().message.find("leftover temporary copy") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(config / ".env.tmp-99999-0-1"));
}

BOOST_AUTO_TEST_SUITE_END()
