#include "wizard/pages/host_content.h"

#include <exception>
#include <string>
#include <system_error>

#include "settings/private_files.h"
#include "wizard/pages/wizard_route.h"

namespace keywizard::ui {
namespace {

constexpr PageId every_page[] = {PageId::start,      PageId::create_account, PageId::open_api_keys,
                                 PageId::create_key, PageId::paste_key,      PageId::done};

// Why the host's file cannot be used as written, or empty: a misspelt page id or picture name would
// otherwise leave keywizard's words or no picture without a word to the developer.
std::string mistake_in(const content::WizardContent& content, const std::filesystem::path& folder) {
    for (const auto& page : content.pages) {
        bool known = false;
        std::string ids;
        for (const PageId id : every_page) {
            known = known || page.id == page_content_id(id);
            ids += (ids.empty() ? "" : ", ") + std::string(page_content_id(id));
        }
        if (!known) {
            return "page \"" + page.id + "\" is not one of the wizard's pages (" + ids + ")";
        }
        for (const auto& image : page.images) {
            std::error_code ignored;
            if (!std::filesystem::is_regular_file(folder / (image.name + ".png"), ignored) &&
                content::illustration_png(image.name, 1).empty()) {
                return "page \"" + page.id + "\": there is no picture \"" + image.name + "\" (no " +
                       image.name + ".png next to the file, and keywizard has none of that name)";
            }
        }
    }
    return {};
}

}  // namespace

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
    if (std::string mistake = mistake_in(host.content, folder); !mistake.empty()) {
        host.content = {};
        host.problem = file.string() + ": " + mistake;
        return host;
    }
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
