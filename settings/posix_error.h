#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace keywizard::settings {

// "could not write /home/a/.config/keywizard/settings.json: No space left on device": every storage
// message names the path and the system's own reason, so a person can act on it.
std::string describe_errno(std::string_view action, const std::filesystem::path& path, int error_number);

}  // namespace keywizard::settings
