#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keywizard::ui {

// What the screenshot script asks the app to show once it is up (the benchmark and people use none).
enum class StartView {
    none,
    editor_api_keys,  // the Configuration Editor on "API Keys and Secrets"
    editor_network,   // the Configuration Editor on "Network"
};

// Options of the GUI commands (`keywizard [OPTIONS]`, `keywizard wizard [OPTIONS]`). GTK's own options
// (--display, ...) are removed by GTK before these are read.
struct AppOptions {
    bool quit_after_shown = false;  // exit right after the first paint of the first window shown
    bool no_first_run = false;      // do not open the wizard by itself (screenshots of the main window)
    StartView view = StartView::none;
    // `keywizard wizard` for hosts in other languages (docs/embedding.md).
    std::string app_id = "keywizard";
    std::string app_name;
    std::string content_file;      // --content: the host's own words and pictures (Options::content_file)
    std::string change_key_later;  // --change-key-later: where the host changes the key later
    bool json = false;             // print what happened as one JSON object when the wizard closes
};

struct AppOptionsParse {
    AppOptions options;
    std::optional<std::string> error;  // for a person: which argument is not understood
};

// `arguments` excludes the program name and the `wizard` command word. `test_hooks` is the value of
// KEYWIZARD_TEST_HOOKS, for tests, the screenshot tools and the benchmark only (never in --help):
// comma-separated "quit-after-shown" (exit right after the first paint), "no-first-run" (the wizard does
// not open by itself), "show=editor-api-keys" or "show=editor-network" (open the Configuration Editor).
AppOptionsParse parse_app_options(const std::vector<std::string>& arguments,
                                  std::string_view test_hooks = {});

// One line per option, for --help style messages.
std::string app_options_usage();

}  // namespace keywizard::ui
