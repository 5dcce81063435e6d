#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "settings/storage_status.h"

namespace keywizard::settings {

// Replaces `file` so that a reader (or a crash, or a full disk) only ever sees the old or the new
// contents: a temp file in the same directory as the target (O_EXCL, mode 0600), write, fsync, rename
// over the target, fsync of the directory. A symlinked `file` is written through to its target. On any
// error the temp file is removed, the original is untouched, and the message names the path and the
// system's reason. Call it with the file's FileLock held, so writers do not interleave. `mode`: the new
// file's permissions (0600 for our own files; a person's file keeps its own, see `keywizard import`).
StorageStatus write_file_atomically(const std::filesystem::path& file, std::string_view contents,
                                    unsigned mode = 0600);

// Removes temp files that writers of `file` left behind when they were killed before their rename.
// Only call it with the file's FileLock held: then no live writer can own a temp file.
void remove_stale_temp_files(const std::filesystem::path& file);
// The same, returning what was removed.
std::vector<std::filesystem::path> remove_stale_temp_files_listed(const std::filesystem::path& file);
// Takes the file's FileLock only if it is free now (a live writer keeps its temp file) and then removes
// the stale temp files; returns what was removed.
std::vector<std::filesystem::path> remove_stale_temp_files_if_unlocked(const std::filesystem::path& file);

namespace testing {
// Called after the temp file is written and fsynced, just before the rename. Tests use it to kill a
// writer at the worst moment. Not for production code.
void set_before_rename_hook(std::function<void(const std::filesystem::path& temp_file)> hook);
}  // namespace testing

}  // namespace keywizard::settings
