#include "wizard/widgets/activity_warmup.h"

#include <wx/app.h>
#include <wx/artprov.h>
#include <wx/window.h>

namespace keywizard::ui {
namespace {

// UI thread only.
bool warmed = false;
bool scheduled = false;

}  // namespace

void warm_activity_indicator_now() {
    if (warmed) {
        return;
    }
    warmed = true;
    // wxGTK's art provider looks the name up in the default GTK icon theme, as GtkSpinner's style does: this
    // reads the theme's index and cache files and loads the SVG loader. The bitmap itself is not needed.
    (void)wxArtProvider::GetBitmap("process-working-symbolic", wxART_OTHER, wxSize(16, 16));
}

bool activity_indicator_warmed() {
    return warmed;
}

void warm_activity_indicator_after_first_paint(wxWindow* window) {
    if (warmed || window == nullptr) {
        return;
    }
    // Every window asking gets the handler (the first one may close before it is ever painted); the first
    // paint of any of them schedules the one load. CallAfter runs it once the paint has been handled.
    window->Bind(wxEVT_PAINT, [](wxPaintEvent& event) {
        event.Skip();
        if (!warmed && !scheduled && wxTheApp != nullptr) {
            scheduled = true;
            wxTheApp->CallAfter([] { warm_activity_indicator_now(); });
        }
    });
}

}  // namespace keywizard::ui
