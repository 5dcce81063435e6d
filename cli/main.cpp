// keywizard: one command for the host app, the wizard and the command-line key checker. The windows live
// in keywizard-gui.so, loaded only when a window is wanted: the command line starts like a small tool.
#include <sys/prctl.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_text.h"
#include "cli/gui_module_loader.h"
#include "core/rules.h"

namespace {

// DESIGN.md: the windows cannot be opened here (no display, or keywizard-gui.so is missing or broken).
constexpr int exit_no_windows = 69;

bool has_display() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return true;
        }
    }
    return false;
}

bool asks_for_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            return true;
        }
    }
    return false;
}

int run_windows(int argc, char** argv, int start) {
    if (!has_display()) {
        // Over ssh or in a service: one clear line instead of GTK's warnings and a crash.
        std::fprintf(
            stderr, "keywizard: %s\n",
            keywizard::cli::tr("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not "
                               "set). Without one, use keywizard check, set, show or forget (keywizard "
                               "--help)."));
        return exit_no_windows;
    }
    const auto module = keywizard::gui_module::load_gui_module();
    if (module.run == nullptr) {
        std::fprintf(
            stderr, "keywizard: %s",
            keywizard::cli::format(keywizard::cli::tr("cannot open the windows: %s\n"
                                                      "The command line still works: keywizard check, set, "
                                                      "show, forget (keywizard --help).\n"),
                                   module.problem.c_str())
                .c_str());
        return exit_no_windows;
    }
    return module.run(argc, argv, start);
}

}  // namespace

int main(int argc, char** argv) {
    // Every command may hold a key in memory (read from stdin, the keyring or a file): no core dump may
    // write it to disk, and no other process of the same user may read it with ptrace or
    // /proc/PID/mem. Not dumpable gives both (core files need it; ptrace by non-root needs it), from the
    // first instruction to the last. `exec` hands over to its command, which execve makes dumpable again.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    // Before any thread exists: SSLKEYLOGFILE leaves the environment (setenv and getenv are not thread-safe).
    keywizard::core::init_http_globally();
    // Before the first line for a person (usage errors included) and before the windows' module, which
    // adds the same catalog to wx's translations.
    keywizard::cli::use_translations();

    const std::string_view command = argc > 1 ? argv[1] : "";
    if (keywizard::cli::is_cli_command(command) || command == "--help" || command == "-h" ||
        command == "help" || command == "--version") {
        return keywizard::cli::run_cli(argc, argv);
    }
    if (command.empty() || command.starts_with("--")) {
        return run_windows(argc, argv, keywizard::gui_module::start_host_app);
    }
    if (command == "wizard" && asks_for_help(argc, argv)) {
        std::fputs(keywizard::cli::wizard_usage_text(), stdout);
        return 0;
    }
    if (command == "wizard") {
        return run_windows(argc, argv, keywizard::gui_module::start_wizard);
    }
    std::fprintf(stderr, "keywizard: %s %s\n",
                 keywizard::cli::format(keywizard::cli::tr("unknown command \"%s\"."), argv[1]).c_str(),
                 keywizard::cli::tr("Try: keywizard --help"));
    return 64;
}
