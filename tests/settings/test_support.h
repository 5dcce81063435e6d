#pragma once

// Helpers shared by settings_tests and keyring_tests: scratch directories, file facts, and child
// processes (forked, or spawned with their own environment) whose output and exit are awaited with a
// deadline so a hang fails the test instead of stalling it.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/scoped_environment.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

namespace keywizard::settings::test {

using keywizard::test::other_valid_key;
using keywizard::test::TempDir;
using keywizard::test::valid_key;

// A scratch config folder, with the session bus pointed at a path where nothing listens, so a test never
// reaches (or changes) the keyring of the session it runs in: the file backend only. Restores the bus.
struct NoKeyringFixture {
    TempDir dir{"settings-test"};
    std::filesystem::path config = dir.path() / "keywizard";
    keywizard::test::ScopedEnvironment no_bus{
        {"DBUS_SESSION_BUS_ADDRESS", "unix:path=" + (dir.path() / "no-bus").string()}};
};

// A config folder whose files may be symlinks into a "dotfiles" folder beside it, as for people who keep
// their dotfiles under version control. Both folders exist.
struct DotfilesFixture {
    TempDir dir;
    std::filesystem::path config = dir.path() / "keywizard";
    std::filesystem::path dotfiles = dir.path() / "dotfiles";

    DotfilesFixture();
    // config/.env as an absolute symlink to dotfiles/keywizard.env, which holds `contents` (mode 0600).
    void link_env(const std::string& contents);
};

std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& contents, unsigned mode = 0600);
unsigned file_mode(const std::filesystem::path& file);                // permission bits, following symlinks
std::vector<std::string> names_in(const std::filesystem::path& dir);  // sorted file names
// A ".tmp-" file in `dir`: what a safe write leaves only while it runs, or when it was killed.
bool has_temp_files(const std::filesystem::path& dir);

struct ChildResult {
    bool exited = false;  // false: killed by a signal or by the deadline
    int exit_code = -1;
    int signal = 0;
    bool timed_out = false;
    std::string output;  // what the child wrote to its pipe (forked) or stdout+stderr (spawned)
    std::chrono::milliseconds elapsed{0};
};

// ChildProcess(body).wait(deadline)
ChildResult run_forked(const std::function<int(int report_fd)>& body,
                       std::chrono::milliseconds deadline = std::chrono::seconds(60));
void write_report(int fd, const std::string& text);
// For a forked child (run_forked): a private mount namespace, so mounts vanish with the child and never
// reach the test runner or the machine. Then `dir` bound read-only onto itself. Each returns 0, or the
// child's exit code after writing the reason to `report_fd`.
int enter_private_mount_namespace(int report_fd);
int bind_read_only(const std::filesystem::path& dir, int report_fd);

using Environment = std::map<std::string, std::optional<std::string>>;  // nullopt: unset

// A spawned program with changes to this process's environment; stdout and stderr go to one pipe.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const Environment& changes,
                 const std::string& stdin_text = {});
    // A forked copy of this process running `body(report_fd)`; its return value is the exit code.
    // The child is single-threaded, so it may unshare(CLONE_NEWNS), mount, or change user.
    explicit ChildProcess(const std::function<int(int report_fd)>& body);
    ~ChildProcess();  // kills it (SIGKILL) if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    // Reads until the output contains `text` or the deadline passes.
    bool wait_for_output(const std::string& text, std::chrono::milliseconds deadline);
    ChildResult wait(std::chrono::milliseconds deadline);
    void kill_now();
    const std::string& output() const { return output_; }

  private:
    bool read_some(std::chrono::milliseconds deadline);
    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string output_;
    std::chrono::steady_clock::time_point started_;
    bool reaped_ = false;
};

ChildResult run_program(const std::vector<std::string>& argv, const Environment& changes,
                        const std::string& stdin_text = {},
                        std::chrono::milliseconds deadline = std::chrono::seconds(60));

}  // namespace keywizard::settings::test
