#include "settings/atomic_file_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <utility>

#include "settings/file_lock.h"
#include "settings/posix_error.h"
#include "settings/private_files.h"

namespace keywizard::settings {
namespace {

std::function<void(const std::filesystem::path&)>& before_rename_hook() {
    static std::function<void(const std::filesystem::path&)> hook;
    return hook;
}

// ".settings.json.tmp-", ".env.tmp-": hidden, and tied to the file it replaces so cleanup never touches
// anything else.
std::string temp_prefix(const std::filesystem::path& target) {
    const auto name = target.filename().string();
    return (name.starts_with('.') ? name : "." + name) + ".tmp-";
}

struct TempFile {
    std::filesystem::path path;
    int fd = -1;
};

TempFile create_temp_file(const std::filesystem::path& target, int& error_number) {
    static std::atomic<unsigned> counter{0};
    const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        const auto name = temp_prefix(target) + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                          "-" + std::to_string(stamp % 1000000007);
        TempFile temp{dir / name, -1};
        temp.fd = ::open(temp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (temp.fd >= 0) {
            return temp;
        }
        if (errno != EEXIST) {
            error_number = errno;
            return temp;
        }
    }
    error_number = EEXIST;
    return {};
}

bool write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const ssize_t n = ::write(fd, contents.data(), contents.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        contents.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Makes the rename itself durable: without it a crash can bring back the old directory entry.
int fsync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

}  // namespace

StorageStatus write_file_atomically(const std::filesystem::path& file, std::string_view contents,
                                    unsigned mode) {
    const auto target = resolve_write_target(file);
    int error_number = 0;
    TempFile temp = create_temp_file(target, error_number);
    if (temp.fd < 0) {
        return StorageStatus::failure(
            describe_errno("could not create a temporary file next to", target, error_number));
    }
    auto fail = [&](std::string_view action, int saved_errno) {
        if (temp.fd >= 0) {
            ::close(temp.fd);
        }
        ::unlink(temp.path.c_str());
        return StorageStatus::failure(describe_errno(action, target, saved_errno));
    };
    // The mode asked of open() is reduced by the umask; fchmod sets exactly the mode wanted.
    if (::fchmod(temp.fd, static_cast<mode_t>(mode & 07777)) != 0) {
        return fail("could not set the mode of", errno);
    }
    if (!write_all(temp.fd, contents)) {
        return fail("could not write", errno);
    }
    if (::fsync(temp.fd) != 0) {
        return fail("could not write", errno);
    }
    const int fd = std::exchange(temp.fd, -1);
    if (::close(fd) != 0) {
        return fail("could not write", errno);
    }
    if (const auto& hook = before_rename_hook()) {
        hook(temp.path);
    }
    if (::rename(temp.path.c_str(), target.c_str()) != 0) {
        return fail("could not replace", errno);
    }
    if (const int sync_error = fsync_directory(target.parent_path()); sync_error != 0) {
        // The new contents are in place; only their durability across a power cut is in doubt.
        return StorageStatus::failure(
            describe_errno("saved, but could not flush the directory of", target, sync_error));
    }
    return StorageStatus::success();
}

void remove_stale_temp_files(const std::filesystem::path& file) {
    (void)remove_stale_temp_files_listed(file);
}

namespace {

bool has_temp_files(const std::filesystem::path& file) {
    const auto target = resolve_write_target(file);
    const auto prefix = temp_prefix(target);
    std::error_code ec;
    const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::vector<std::filesystem::path> remove_stale_temp_files_if_unlocked(const std::filesystem::path& file) {
    // Looked for first: taking the lock creates its file, and a read must not leave one behind (forget
    // removes them).
    if (!has_temp_files(file)) {
        return {};
    }
    if (auto lock = FileLock::try_acquire(lock_path_for(file))) {
        return remove_stale_temp_files_listed(file);
    }
    return {};
}

std::vector<std::filesystem::path> remove_stale_temp_files_listed(const std::filesystem::path& file) {
    std::vector<std::filesystem::path> removed;
    const auto target = resolve_write_target(file);
    const auto prefix = temp_prefix(target);
    std::error_code ec;
    const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.starts_with(prefix)) {
            std::error_code failed;
            if (std::filesystem::remove(it->path(), failed)) {
                removed.push_back(it->path());
            }
        }
    }
    return removed;
}

namespace testing {
void set_before_rename_hook(std::function<void(const std::filesystem::path& temp_file)> hook) {
    before_rename_hook() = std::move(hook);
}
}  // namespace testing

}  // namespace keywizard::settings
