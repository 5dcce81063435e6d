#include "wizard/pages/host_content.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <string>
#include <system_error>

#include "core/rules.h"
#include "wizard/pages/wizard_route.h"

namespace keywizard::ui {
namespace {

// Why the host's file names a page the wizard does not have, or empty: a misspelt id would otherwise leave
// keywizard's words without a word to the developer.
std::string unknown_page_in(const content::WizardContent& content) {
    std::string ids;
    for (const PageId id : every_page) {
        ids += (ids.empty() ? "" : ", ") + std::string(page_content_id(id));
    }
    for (const auto& page : content.pages) {
        const bool known = std::any_of(std::begin(every_page), std::end(every_page),
                                       [&](PageId id) { return page.id == page_content_id(id); });
        if (!known) {
            return "page \"" + page.id + "\" is not one of the wizard's pages (" + ids + ")";
        }
    }
    return {};
}

}  // namespace

HostContent load_host_content(const std::filesystem::path& file) {
    HostContent host;
    // A content file is words and a few picture names: 1 MiB is generous.
    const settings::FileRead read = core::read_whole_file(file, 1 << 20);
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
    if (std::string unknown = unknown_page_in(host.content); !unknown.empty()) {
        host.content = {};
        host.problem = file.string() + ": " + unknown;
        return host;
    }
    std::error_code ignored;
    const std::filesystem::path folder = std::filesystem::absolute(file, ignored).parent_path();
    for (auto& page : host.content.pages) {
        for (auto& image : page.images) {
            const auto picture = folder / (image.name + ".png");
            if (std::filesystem::is_regular_file(picture, ignored)) {
                image.name = picture.string();  // illustration_bundle() reads a path from the file
            } else if (content::illustration_png(image.name, 1).empty()) {
                // A misspelt picture would otherwise leave an empty space without a word to the developer.
                host.problem = file.string() + ": page \"" + page.id + "\": there is no picture \"" +
                               image.name + "\" (no " + image.name +
                               ".png next to the file, and keywizard has none of that name)";
                host.content = {};
                return host;
            }
        }
    }
    return host;
}

}  // namespace keywizard::ui
