#pragma once

#include <wx/defs.h>

namespace keywizard::ui {

// Commands of the main window that have no standard id. A button and its menu item share the id, so one
// handler serves both (a button's wxEVT_BUTTON reaches the frame like a menu's wxEVT_MENU).
enum AppCommandId {
    ID_SETUP_KEY = wxID_HIGHEST + 1,  // Help -> Set up OpenAI API key…
    ID_REPLACE_KEY,                   // the info bar's "Replace key…" when the stored key was rejected
};

}  // namespace keywizard::ui
