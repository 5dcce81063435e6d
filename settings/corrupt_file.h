#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace keywizard::settings {

// "settings.json.corrupt-20261126T193000Z" for a file found corrupt at that UTC time.
std::filesystem::path corrupt_copy_path(const std::filesystem::path& file,
                                        std::chrono::system_clock::time_point when);

// Moves a corrupt file aside (never overwrites or deletes it: it may hold a person's hand edits) and
// returns the warning for the person, naming both paths, or why the move failed. The caller holds the
// file's lock. A symlinked file's target is moved, so the link stays and the next save recreates it.
std::string move_corrupt_file_aside(const std::filesystem::path& file, const std::string& why);

}  // namespace keywizard::settings
