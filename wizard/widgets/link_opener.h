#pragma once

#include <functional>

#include <wx/string.h>

class wxHyperlinkCtrl;
class wxWindow;

namespace keywizard::ui {

// Opens `url` in the default browser. When none opens (no browser, no xdg-open), a small dialog shows the
// link, selected in a read-only field, with a Copy link button: wx's own "Failed to open URL" message
// offers no way to take the link to a browser elsewhere.
void open_link(wxWindow* parent, const wxString& url);

// Makes a click (or Enter, or Space) on `link` go through open_link().
void open_with_fallback(wxHyperlinkCtrl* link);

// The fallback dialog's window names, for tests.
inline constexpr const char* link_fallback_name = "link_fallback";

// For tests: what opens a browser (true when one opened); an empty function puts wx's back.
void set_browser_launcher(std::function<bool(const wxString& url)> launcher);

}  // namespace keywizard::ui
