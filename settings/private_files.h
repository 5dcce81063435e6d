#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "settings/storage_status.h"

namespace keywizard::settings {

// The config directory holds a secret (.env), so it is created 0700 and an existing wider one is
// tightened; parents that do not exist yet are created with the usual mode.
StorageStatus ensure_private_directory(const std::filesystem::path& dir);

// settings.json and .env are a few hundred bytes; the same cap as a server's body.
inline constexpr std::size_t max_own_file_bytes = 4 * 1024 * 1024;

struct FileRead {
    bool exists = false;
    std::string contents;
    std::string error;       // set when the file exists but could not be read (names the path)
    bool too_large = false;  // with `error`: the file is over the cap (a corrupt file, not an unreadable one)
};

// Reads a whole (small) file, following symlinks. A missing file is not an error. Only a regular file is
// read: it is opened without blocking, so a FIFO cannot hang us and a device such as /dev/zero is refused
// before the first read. At most `max_bytes`: a bigger file is an error with `too_large` set.
FileRead read_whole_file(const std::filesystem::path& file, std::size_t max_bytes = max_own_file_bytes);

// Where a write to `file` must land: the final target when `file` is a symlink (also a dangling one, so
// the link is kept and its target created), else `file` itself. Symlinks on the way are followed too.
std::filesystem::path resolve_write_target(const std::filesystem::path& file);

}  // namespace keywizard::settings
