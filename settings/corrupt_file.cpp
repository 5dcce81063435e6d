#include "settings/corrupt_file.h"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <system_error>

#include "settings/posix_error.h"
#include "settings/private_files.h"

namespace keywizard::settings {

std::filesystem::path corrupt_copy_path(const std::filesystem::path& file,
                                        std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    auto copy = file;
    copy += ".corrupt-";
    copy += stamp;
    return copy;
}

std::string move_corrupt_file_aside(const std::filesystem::path& file, const std::string& why) {
    const auto target = resolve_write_target(file);
    const auto base = corrupt_copy_path(target, std::chrono::system_clock::now());
    // Two corrupt files within one second get -2, -3...: an earlier copy is never replaced. The caller's
    // lock keeps other keywizard processes from racing for the same name.
    auto copy = base;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(std::filesystem::symlink_status(copy, ec)); ++n) {
        copy = base;
        copy += "-" + std::to_string(n);
    }
    if (::rename(target.c_str(), copy.c_str()) != 0) {
        return file.string() + " is corrupt (" + why + ") and " +
               describe_errno("could not be moved aside to", copy, errno) +
               "; using the default settings and leaving the file as it is";
    }
    return file.string() + " was corrupt (" + why + "); moved it to " + copy.string() +
           " and using the default settings";
}

}  // namespace keywizard::settings
