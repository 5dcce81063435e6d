#pragma once
// Finds and loads keywizard-gui.so, the windows of keywizard. main() calls this only for the commands
// that open windows, so `keywizard check|set|show|forget` never maps wx and GTK (over sixty shared
// libraries whose loading cost the command line three times curl's start-up: docs/benchmarks.md).
#include <string>

#include "wizard/gui_module/gui_module_abi.h"

namespace keywizard::gui_module {

struct LoadedModule {
    RunFunction run = nullptr;  // null when the module could not be used
    std::string problem;        // why, for a person: which file, and what the loader said
};

// Looks next to the executable first (the build tree), then in the installed library folder.
LoadedModule load_gui_module();

}  // namespace keywizard::gui_module
