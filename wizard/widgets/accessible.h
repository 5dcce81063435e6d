#pragma once

#include <wx/string.h>

class wxWindow;

namespace keywizard::ui {

// What a screen reader says for a control, for GTK's accessibility layer (ATK, then AT-SPI). wxGTK 3.2 has no
// wxAccessible, so these set the widget's ATK object directly. No-ops off GTK or without an ATK bridge.

// The name a screen reader reads for `window` (a picture's text alternative, a panel's summary).
void set_accessible_name(wxWindow* window, const wxString& name);

// The longer text read after the name (a result's explanation).
void set_accessible_description(wxWindow* window, const wxString& description);

// The role by its AT-SPI name: "image", "panel", "status bar", "notification", "label", ...
void set_accessible_role(wxWindow* window, const char* role_name);

}  // namespace keywizard::ui
