#include "wizard/app/app_options.h"

#include <string_view>

#include "keywizard/core.h"

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
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        constexpr std::string_view show_prefix = "--show=";
        // --app-id ID / --app-id=ID, the same for --app-name.
        auto value_of = [&](std::string_view name) -> std::optional<std::string> {
            if (argument == name && i + 1 < arguments.size()) {
                return arguments[++i];
            }
            if (std::string_view(argument).starts_with(std::string(name) + "=")) {
                return argument.substr(name.size() + 1);
            }
            return std::nullopt;
        };
        if (auto id = value_of("--app-id")) {
            Options probe;
            probe.app_id = *id;
            if (auto problem = options_problem(probe)) {
                parse.error = "--app-id: " + *problem;
                return parse;
            }
            parse.options.app_id = *id;
        } else if (auto name = value_of("--app-name")) {
            parse.options.app_name = *name;
        } else if (argument == "--json") {
            parse.options.json = true;
        } else if (argument == "--quit-after-shown") {
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
    return "  --app-id ID          the app whose key it is (default keywizard)\n"
           "  --app-name NAME      the app's name as the person knows it\n"
           "  --json               (wizard) print what happened as JSON when it closes\n"
           "  --quit-after-shown   exit right after the first window is painted\n"
           "  --no-first-run       do not open the wizard by itself\n"
           "  --show=VIEW          editor-api-keys | editor-network\n";
}

}  // namespace keywizard::ui
