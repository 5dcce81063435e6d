#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace keywizard::settings {

// An exclusive advisory lock on a lock file, held for one read-modify-write of a settings file.
//
// It is an flock(2) on an open file: the kernel drops it when the holder's descriptor closes, including
// when the holder is killed. A lock "left behind" by a dead process therefore cannot exist, so there is
// nothing to detect or break by hand (no PID files, no staleness guesses). flock rather than fcntl
// locks because fcntl locks belong to the process, so two threads of one process would not exclude
// each other, and closing any descriptor of the file would drop them.
//
// The lock file is deleted only by its holder (remove_file, when "Forget key" leaves nothing behind). Every
// taker checks after flock that the file it locked is still the one at the path and starts again if not,
// so a waiter that had opened the deleted file never believes it holds the lock beside a newcomer.
class FileLock {
  public:
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    // Waits up to `wait` for the lock (another keywizard may be saving right now). On failure `error`
    // says why and names the lock file.
    static std::optional<FileLock> acquire(const std::filesystem::path& lock_path,
                                           std::chrono::milliseconds wait, std::string& error);
    // Takes the lock only if it is free now.
    static std::optional<FileLock> try_acquire(const std::filesystem::path& lock_path);

    // Deletes the lock file and releases the lock.
    void remove_file() &&;

  private:
    FileLock(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
    int fd_ = -1;
    std::filesystem::path path_;
};

// The lock guarding `file` (a settings.json or .env in the config directory), hidden beside it:
// `.settings.json.lock`, `.env.lock`.
std::filesystem::path lock_path_for(const std::filesystem::path& file);

inline constexpr std::chrono::milliseconds default_lock_wait{10'000};

}  // namespace keywizard::settings
