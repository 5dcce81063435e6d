#pragma once

#include <filesystem>
#include <string>

#include "settings/storage_status.h"

namespace keywizard::settings {

// The config directory holds a secret (.env), so it is created 0700 and an existing wider one is
// tightened; parents that do not exist yet are created with the usual mode.
StorageStatus ensure_private_directory(const std::filesystem::path& dir);

struct FileRead {
    bool exists = false;
    std::string contents;
    std::string error;  // set when the file exists but could not be read (names the path)
};

// Reads a whole (small) file, following symlinks. A missing file is not an error.
FileRead read_whole_file(const std::filesystem::path& file);

// Where a write to `file` must land: the final target when `file` is a symlink (also a dangling one, so
// the link is kept and its target created), else `file` itself. Symlinks on the way are followed too.
std::filesystem::path resolve_write_target(const std::filesystem::path& file);

}  // namespace keywizard::settings
