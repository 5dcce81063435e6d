#include "tests/support/temp_dir.h"

#include <cerrno>
#include <system_error>

#include <stdlib.h>  // mkdtemp

namespace keywizard::test {

TempDir::TempDir(const std::string& purpose) {
    std::error_code ignored;
    const std::filesystem::path base = std::filesystem::temp_directory_path(ignored);
    std::string pattern =
        ((base.empty() ? std::filesystem::path("/tmp") : base) / ("keywizard-" + purpose + ".XXXXXX"))
            .string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    // A test may have taken its own permissions away (an unwritable folder); give them back to remove it.
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                 ignored);
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace keywizard::test
