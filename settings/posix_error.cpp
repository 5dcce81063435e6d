#include "settings/posix_error.h"

#include <cstring>

namespace keywizard::settings {

std::string describe_errno(std::string_view action, const std::filesystem::path& path, int error_number) {
    std::string message(action);
    message += ' ';
    message += path.string();
    message += ": ";
    message += std::strerror(error_number);
    return message;
}

}  // namespace keywizard::settings
