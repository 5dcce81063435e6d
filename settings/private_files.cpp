#include "settings/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "settings/posix_error.h"

namespace keywizard::settings {

StorageStatus ensure_private_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    const auto parent = dir.parent_path();
    if (!parent.empty()) {
        std::filesystem::create_directories(parent, ec);
        if (ec) {
            return StorageStatus::failure(
                describe_errno("could not create the directory", parent, ec.value()));
        }
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        return StorageStatus::failure(describe_errno("could not create the directory", dir, errno));
    }
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
        return StorageStatus::failure(describe_errno("could not inspect the directory", dir, errno));
    }
    if (!S_ISDIR(st.st_mode)) {
        return StorageStatus::failure(dir.string() + " is not a directory");
    }
    if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), st.st_mode & 0700) != 0) {
        return StorageStatus::failure(describe_errno("could not make private (chmod 0700)", dir, errno));
    }
    return StorageStatus::success();
}

FileRead read_whole_file(const std::filesystem::path& file) {
    FileRead result;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) {
            result.exists = true;
            result.error = describe_errno("could not read", file, errno);
        }
        return result;
    }
    result.exists = true;
    char buffer[16384];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            result.contents.append(buffer, static_cast<size_t>(n));
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            result.error = describe_errno("could not read", file, errno);
            result.contents.clear();
            break;
        }
    }
    ::close(fd);
    return result;
}

std::filesystem::path resolve_write_target(const std::filesystem::path& file) {
    // Followed by hand: canonical() fails on a dangling link and weakly_canonical() stops at it.
    std::filesystem::path current = file;
    std::error_code ec;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(std::filesystem::symlink_status(current, ec));
         ++hops) {
        const auto next = std::filesystem::read_symlink(current, ec);
        if (ec) {
            return file;
        }
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    auto resolved = std::filesystem::weakly_canonical(current, ec);
    return ec ? current : resolved;
}

}  // namespace keywizard::settings
