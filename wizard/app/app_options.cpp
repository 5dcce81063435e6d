#include "wizard/app/app_options.h"

#include <string_view>

#include "keywizard/core.h"
#include "wizard/widgets/translate.h"

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

// KEYWIZARD_TEST_HOOKS: comma-separated words that only tests, the screenshot tools and the benchmark use.
std::optional<std::string> apply_test_hooks(std::string_view hooks, AppOptions& options) {
    while (!hooks.empty()) {
        const auto comma = hooks.find(',');
        const std::string_view hook = hooks.substr(0, comma);
        hooks = comma == std::string_view::npos ? std::string_view() : hooks.substr(comma + 1);
        constexpr std::string_view show_prefix = "show=";
        if (hook == "quit-after-shown") {
            options.quit_after_shown = true;
        } else if (hook == "no-first-run") {
            options.no_first_run = true;
        } else if (hook.starts_with(show_prefix)) {
            const auto view = view_named(hook.substr(show_prefix.size()));
            if (!view) {
                return "KEYWIZARD_TEST_HOOKS: unknown view in \"" + std::string(hook) + "\"";
            }
            options.view = *view;
        } else if (!hook.empty()) {
            return "KEYWIZARD_TEST_HOOKS: unknown hook \"" + std::string(hook) + "\"";
        }
    }
    return std::nullopt;
}

AppOptionsParse parse_app_options(const std::vector<std::string>& arguments, std::string_view test_hooks) {
    AppOptionsParse parse;
    if (auto problem = apply_test_hooks(test_hooks, parse.options)) {
        parse.error = std::move(problem);
        return parse;
    }
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
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
        } else if (auto content = value_of("--content")) {
            parse.options.content_file = *content;
        } else if (auto later = value_of("--change-key-later")) {
            parse.options.change_key_later = *later;
        } else if (argument == "--json") {
            parse.options.json = true;
        } else {
            parse.error = wxString::Format(tr_utf8("unknown option \"%s\""), wxString::FromUTF8(argument))
                              .utf8_string();
            return parse;
        }
    }
    return parse;
}

std::string app_options_usage() {
    // One line each, so a translation keeps its own columns; printed after the catalog is loaded.
    return (tr_utf8("  --app-id ID          the app whose key it is (default keywizard)\n") +
            tr_utf8("  --app-name NAME      the app's name as the person knows it\n") +
            tr_utf8(
                "  --content FILE       (wizard) the app's own words and pictures (docs/embedding.md)\n") +
            tr_utf8("  --change-key-later TEXT  (wizard) where the app changes the key later\n") +
            tr_utf8("  --json               (wizard) print what happened as JSON when it closes\n"))
        .utf8_string();
}

}  // namespace keywizard::ui
