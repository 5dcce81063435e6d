#pragma once

namespace keywizard::ui {

enum class GuiStart {
    host_app,  // `keywizard`: the main window; the wizard opens by itself on first run
    wizard,    // `keywizard wizard`: the wizard directly
};

// Initialises wx/GTK and runs the event loop. Only called for GUI commands: the CLI never touches GTK.
int run_gui(int argc, char** argv, GuiStart start);

}  // namespace keywizard::ui
