#include "settings/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <thread>
#include <utility>

#include "settings/posix_error.h"

namespace keywizard::settings {
namespace {

int open_lock_file(const std::filesystem::path& lock_path, int& error_number) {
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && (errno == EROFS || errno == EACCES)) {
        // A read-only directory can still be locked for reading when the lock file already exists.
        fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
    error_number = fd < 0 ? errno : 0;
    return fd;
}

// After flock: whether `fd` is still the file at `lock_path`, i.e. no holder deleted it while we waited.
bool still_at_path(int fd, const std::filesystem::path& lock_path) {
    struct stat held {};
    struct stat at_path {};
    return ::fstat(fd, &held) == 0 && ::lstat(lock_path.c_str(), &at_path) == 0 &&
           held.st_dev == at_path.st_dev && held.st_ino == at_path.st_ino;
}

}  // namespace

FileLock::FileLock(FileLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
    }
    return *this;
}

FileLock::~FileLock() {
    if (fd_ >= 0) {
        ::close(fd_);  // releases the flock
    }
}

std::optional<FileLock> FileLock::acquire(const std::filesystem::path& lock_path,
                                          std::chrono::milliseconds wait, std::string& error) {
    // No flock with a timeout exists, so poll with a growing pause. Holders keep the lock for one small
    // write, so this normally succeeds at once or within milliseconds.
    const auto deadline = std::chrono::steady_clock::now() + wait;
    auto pause = std::chrono::milliseconds(1);
    int fd = -1;
    while (true) {
        if (fd < 0) {
            int error_number = 0;
            fd = open_lock_file(lock_path, error_number);
            if (fd < 0) {
                error = describe_errno("could not open the lock file", lock_path, error_number);
                return std::nullopt;
            }
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (still_at_path(fd, lock_path)) {
                return FileLock(fd, lock_path);
            }
            ::close(fd);  // its holder deleted it: lock the file at the path now
            fd = -1;
            continue;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            error = describe_errno("could not lock", lock_path, errno);
            ::close(fd);
            return std::nullopt;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const auto waited = wait.count() % 1000 == 0 ? std::to_string(wait.count() / 1000) + " s"
                                                         : std::to_string(wait.count()) + " ms";
            error = "another program has kept " + lock_path.string() + " locked for " + waited +
                    " (is another keywizard saving?); try again";
            ::close(fd);
            return std::nullopt;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
}

std::optional<FileLock> FileLock::try_acquire(const std::filesystem::path& lock_path) {
    for (int attempt = 0; attempt < 3; ++attempt) {  // a deleted file is retried; a held one is not
        int error_number = 0;
        const int fd = open_lock_file(lock_path, error_number);
        if (fd < 0) {
            return std::nullopt;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (still_at_path(fd, lock_path)) {
            return FileLock(fd, lock_path);
        }
        ::close(fd);
    }
    return std::nullopt;
}

void FileLock::remove_file() && {
    if (fd_ >= 0) {
        // Deleted before the release, so whoever takes the old file next sees it is gone and starts again.
        ::unlink(path_.c_str());
        ::close(std::exchange(fd_, -1));
    }
}

std::filesystem::path lock_path_for(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    return file.parent_path() / ((name.starts_with('.') ? "" : ".") + name + ".lock");
}

}  // namespace keywizard::settings
