#pragma once

class wxWindow;

namespace keywizard::ui {

// GTK draws wxActivityIndicator (a GtkSpinner) with the icon theme's "process-working-symbolic" icon. The
// first time any spinner is drawn, GTK reads the icon theme and loads its SVG image loader (and librsvg):
// a 20-90 ms stall of the UI thread that used to land right after the first Test key click
// (docs/benchmarks.md). Call this for a window holding a spinner: right after that window's first paint,
// the icon is loaded while nothing else happens, so the first test runs as smoothly as the later ones.
// After the paint, not before: it must not delay the window. Does nothing once the icon is loaded.
void warm_activity_indicator_after_first_paint(wxWindow* window);

// Loads the spinner's icon now (what the function above does after the paint). Once per process.
void warm_activity_indicator_now();

// Whether the icon was loaded (for tests).
bool activity_indicator_warmed();

}  // namespace keywizard::ui
