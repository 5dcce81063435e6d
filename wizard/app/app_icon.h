#pragma once

#include <wx/iconbndl.h>

namespace keywizard::ui {

// The app icon at the sizes window managers ask for, drawn from the embedded SVG (it has no text, so
// nanosvg draws it). Empty when the build embedded no icon.
wxIconBundle app_icon_bundle();

}  // namespace keywizard::ui
