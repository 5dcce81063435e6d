// keywizard: one binary for the host app, the wizard and the command-line key checker.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "net/http_client.h"
#include "wizard/app/gui_main.h"
#include "wizard/cli/cli.h"

int main(int argc, char** argv) {
    // Before any thread exists: curl_global_init is not thread-safe in libcurl 7.88.
    keywizard::net::init_http_globally();

    const std::string_view command = argc > 1 ? argv[1] : "";
    if (keywizard::cli::is_cli_command(command) || command == "--help" || command == "-h" ||
        command == "help" || command == "--version") {
        return keywizard::cli::run_cli(argc, argv);
    }
    if (command.empty() || command.starts_with("--")) {
        return keywizard::ui::run_gui(argc, argv, keywizard::ui::GuiStart::host_app);
    }
    if (command == "wizard") {
        return keywizard::ui::run_gui(argc, argv, keywizard::ui::GuiStart::wizard);
    }
    std::fprintf(stderr, "keywizard: unknown command \"%s\". Try: keywizard --help\n", argv[1]);
    return 64;
}
