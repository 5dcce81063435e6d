#include "wizard/pages/host_content.h"

#include <exception>
#include <system_error>

#include "settings/private_files.h"

namespace keywizard::ui {

HostContent load_host_content(const std::filesystem::path& file) {
    HostContent host;
    // A content file is words and a few picture names: 1 MiB is generous.
    const settings::FileRead read = settings::read_whole_file(file, 1 << 20);
    if (!read.exists || !read.error.empty()) {
        host.problem = read.exists ? read.error : file.string() + " does not exist";
        return host;
    }
    try {
        host.content = content::parse_wizard_content(read.contents);
    } catch (const std::exception& error) {
        host.content = {};
        host.problem = file.string() + ": " + error.what();
        return host;
    }
    std::error_code ignored;
    const std::filesystem::path folder = std::filesystem::absolute(file, ignored).parent_path();
    for (auto& page : host.content.pages) {
        for (auto& image : page.images) {
            const auto picture = folder / (image.name + ".png");
            if (std::filesystem::is_regular_file(picture, ignored)) {
                image.name = picture.string();  // illustration_bundle() reads a path from the file
            }
        }
    }
    return host;
}

}  // namespace keywizard::ui
