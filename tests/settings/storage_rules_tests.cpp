// Fault drills for DESIGN.md's "Storage rules" that the other settings tests do not already prove: the
// order of a safe write (a private temp file beside the final target, fsync, rename, fsync of the
// directory) for settings.json and for the .env that holds the key, also through a symlink into another
// directory. docs/reliability.md lists every rule with the test that proves it.
//
// To see the order, this file defines fsync() and rename() for the whole test executable: each call is
// noted (while a SyscallLog is alive) and then made for real through syscall(), so nothing is faked.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "settings/app_settings.h"
#include "settings/atomic_file_writer.h"
#include "settings/secret_store.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

struct SyscallEvent {
    std::string call;            // "fsync" or "rename"
    std::filesystem::path path;  // what was synced, or where a rename went from
    std::filesystem::path to;    // rename only
};

std::mutex log_mutex;
// Atomic so that the many fsync() calls of other tests (forked writers among them) never take the mutex.
std::atomic<std::vector<SyscallEvent>*> active_log{nullptr};

void note(SyscallEvent event) {
    if (active_log.load() == nullptr) {
        return;
    }
    std::lock_guard lock(log_mutex);
    if (auto* log = active_log.load()) {
        log->push_back(std::move(event));
    }
}

// Notes every fsync() and rename() of this process while it lives.
class SyscallLog {
  public:
    SyscallLog() {
        std::lock_guard lock(log_mutex);
        active_log = &events_;
    }
    ~SyscallLog() {
        std::lock_guard lock(log_mutex);
        active_log = nullptr;
    }
    std::vector<SyscallEvent> events() const {
        std::lock_guard lock(log_mutex);
        return events_;
    }

  private:
    std::vector<SyscallEvent> events_;
};

std::filesystem::path path_of_descriptor(int fd) {
    std::error_code error;
    return std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), error);
}

// Index of the first event after `from` matching, or -1.
long find_event(const std::vector<SyscallEvent>& events, long from, const std::string& call,
                const std::filesystem::path& path) {
    for (long i = from; i < static_cast<long>(events.size()); ++i) {
        if (events[i].call == call && events[i].path == path) {
            return i;
        }
    }
    return -1;
}

// What the temp file looked like at the moment the writer was about to rename it.
struct TempFileFacts {
    std::filesystem::path path;
    unsigned mode = 0;
    std::string contents;
};

class BeforeRenameProbe {
  public:
    BeforeRenameProbe() {
        testing::set_before_rename_hook([this](const std::filesystem::path& temp) {
            facts_.push_back({temp, file_mode(temp), read_file(temp)});
        });
    }
    ~BeforeRenameProbe() { testing::set_before_rename_hook({}); }
    const std::vector<TempFileFacts>& facts() const { return facts_; }

  private:
    std::vector<TempFileFacts> facts_;
};

// Checks one safe write of `target` in `events`: the temp file (beside the target, mode 0600, holding the
// whole new contents) is fsynced, renamed over the target, and then the target's directory is fsynced.
void check_safe_write(const std::vector<SyscallEvent>& events, const TempFileFacts& temp,
                      const std::filesystem::path& target) {
    BOOST_TEST(temp.path.parent_path() == target.parent_path());
    BOOST_TEST(temp.mode == 0600u);
    BOOST_TEST(temp.contents == read_file(target));

    const long synced = find_event(events, 0, "fsync", temp.path);
    BOOST_TEST_REQUIRE(synced >= 0, "the temp file " << temp.path << " was never fsynced");
    const long renamed = find_event(events, synced, "rename", temp.path);
    BOOST_TEST_REQUIRE(renamed >= 0, "no rename of the fsynced temp file " << temp.path);
    BOOST_TEST(events[renamed].to == target);
    BOOST_TEST(find_event(events, renamed, "fsync", target.parent_path()) >= 0,
               "the directory " << target.parent_path() << " was not fsynced after the rename");
}

}  // namespace

extern "C" int fsync(int fd) {
    note({"fsync", path_of_descriptor(fd), {}});
    return static_cast<int>(::syscall(SYS_fsync, fd));
}

extern "C" int rename(const char* from, const char* to) {
    note({"rename", from, to});
    return static_cast<int>(::syscall(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to));
}

BOOST_AUTO_TEST_SUITE(storage_rules_tests)

BOOST_AUTO_TEST_CASE(
    settings_and_env_are_written_to_a_private_temp_file_fsynced_renamed_and_the_directory_fsynced) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    BeforeRenameProbe probe;
    SyscallLog log;

    const auto saved = SettingsFile(config).update([](AppSettings& s) { s.organization = "org-kwtest"; });
    const auto env_saved = make_dotenv_store(config)->write(valid_key);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST_REQUIRE(env_saved.ok, env_saved.message);

    BOOST_TEST_REQUIRE(probe.facts().size() == 2u);
    check_safe_write(log.events(), probe.facts()[0], config / "settings.json");
    check_safe_write(log.events(), probe.facts()[1], config / ".env");
    BOOST_TEST(probe.facts()[1].contents.find("OPENAI_API_KEY=" + valid_key) != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_symlinked_env_is_replaced_beside_its_target_in_the_other_directory,
                        DotfilesFixture) {
    // A temp file beside the link instead would make rename() fail across file systems, or replace the
    // link with a plain file.
    link_env("# mine\nOTHER=1\n");
    BeforeRenameProbe probe;
    SyscallLog log;

    const auto saved = make_dotenv_store(config)->write(valid_key);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);

    BOOST_TEST_REQUIRE(probe.facts().size() == 1u);
    check_safe_write(log.events(), probe.facts()[0], dotfiles / "keywizard.env");
    BOOST_TEST(std::filesystem::is_symlink(config / ".env"));
    BOOST_TEST(file_mode(dotfiles / "keywizard.env") == 0600u);
}

BOOST_AUTO_TEST_SUITE_END()
