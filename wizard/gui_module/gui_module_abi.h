#pragma once
// The contract between the keywizard executable and its GUI module (keywizard-gui.so), which main()
// loads with dlopen only for the commands that open windows. Plain C names and types: it is looked up by
// name, and a module left over from another build must be recognised rather than called blindly.

extern "C" {

// Must equal the executable's version before the entry point is called: both are built together.
__attribute__((visibility("default"))) extern const char keywizard_gui_module_version[];

// Runs the windows (ui::run_gui). start: 0 = the host app, 1 = the wizard. Returns the exit status.
__attribute__((visibility("default"))) int keywizard_gui_module_run(int argc, char** argv, int start);
}

namespace keywizard::gui_module {
inline constexpr const char* version_symbol = "keywizard_gui_module_version";
inline constexpr const char* run_symbol = "keywizard_gui_module_run";
using RunFunction = int (*)(int argc, char** argv, int start);
// The `start` argument of the run function.
inline constexpr int start_host_app = 0;
inline constexpr int start_wizard = 1;
}  // namespace keywizard::gui_module
