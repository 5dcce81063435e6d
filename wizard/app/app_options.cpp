#include "wizard/app/app_options.h"

#include <string_view>

namespace keywizard::ui {
namespace {

std::optional<StartView> view_named(std::string_view name) {
    if (name == "editor-api-keys") {
        return StartView::editor_api_keys;
    }
    if (name == "editor-network") {
        return StartView::editor_network;
    }
    return std::nullopt;
}

}  // namespace

AppOptionsParse parse_app_options(const std::vector<std::string>& arguments) {
    AppOptionsParse parse;
    for (const std::string& argument : arguments) {
        constexpr std::string_view show_prefix = "--show=";
        if (argument == "--quit-after-shown") {
            parse.options.quit_after_shown = true;
        } else if (argument == "--no-first-run") {
            parse.options.no_first_run = true;
        } else if (std::string_view(argument).starts_with(show_prefix)) {
            const auto view = view_named(std::string_view(argument).substr(show_prefix.size()));
            if (!view) {
                parse.error = "unknown view in \"" + argument + "\"";
                return parse;
            }
            parse.options.view = *view;
        } else {
            parse.error = "unknown option \"" + argument + "\"";
            return parse;
        }
    }
    return parse;
}

std::string app_options_usage() {
    return "  --quit-after-shown   exit right after the first window is painted\n"
           "  --no-first-run       do not open the wizard by itself\n"
           "  --show=VIEW          editor-api-keys | editor-network\n";
}

}  // namespace keywizard::ui
