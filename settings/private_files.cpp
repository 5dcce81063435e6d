#include "settings/private_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "settings/posix_error.h"

namespace keywizard::settings {

StorageStatus ensure_private_directory(const std::filesystem::path& dir) {
    if (!dir.is_absolute()) {
        // Only a missing or relative HOME leads here: the directory would land wherever we were started.
        return StorageStatus::failure("\"" + dir.string() +
                                      "\" is not an absolute path (no home directory was found: set HOME or "
                                      "XDG_CONFIG_HOME to an absolute path)");
    }
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

namespace {

std::string_view kind_of(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a directory";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO (named pipe)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

std::string size_limit_text(std::size_t bytes) {
    return bytes % (1024 * 1024) == 0 ? std::to_string(bytes / (1024 * 1024)) + " MiB"
                                      : std::to_string(bytes) + " bytes";
}

}  // namespace

FileRead read_whole_file(const std::filesystem::path& file, std::size_t max_bytes) {
    FileRead result;
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever. It changes
    // nothing for the regular files we go on to read.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (errno != ENOENT) {
            result.exists = true;
            result.error = describe_errno("could not read", file, errno);
        }
        return result;
    }
    result.exists = true;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        result.error = describe_errno("could not read", file, errno);
        ::close(fd);
        return result;
    }
    if (!S_ISREG(st.st_mode)) {
        result.error = file.string() + " is " + std::string(kind_of(st.st_mode)) +
                       ", not a regular file; it was not read";
        ::close(fd);
        return result;
    }
    const auto too_large = [&] {
        result.too_large = true;
        result.contents.clear();
        result.error = file.string() + " is larger than " + size_limit_text(max_bytes) + "; it was not read";
    };
    if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
        too_large();
        ::close(fd);
        return result;
    }
    char buffer[16384];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            // The size can grow after fstat (another program appending): the cap holds for what is read.
            if (result.contents.size() + static_cast<size_t>(n) > max_bytes) {
                too_large();
                break;
            }
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
