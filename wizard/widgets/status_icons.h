#pragma once

#include <wx/bmpbndl.h>

#include "core/rules.h"

class wxStaticBitmap;

namespace keywizard::ui {

// The small pictograms of results and notices. Drawn from SVG (no text in them), so they are sharp at any
// scale; colours carry meaning but each shape differs too (tick, cross, triangle, question mark, "i").
enum class StatusIcon { success, danger, warning, unknown, info };

// `size_dip` in device-independent pixels; the bundle renders for the window's scale.
wxBitmapBundle status_icon_bundle(StatusIcon icon, int size_dip);

// What the icon says, for a screen reader: "Works", "Problem", "Warning", "Not checked", "Information".
wxString status_icon_name(StatusIcon icon);

// Shows `icon` in `picture` and names the picture after it (status icons are not decoration: without a name
// a screen reader says only "image").
void set_status_icon(wxStaticBitmap* picture, StatusIcon icon, int size_dip);

// valid -> success, rejected -> danger, limited -> warning, unverified -> unknown.
StatusIcon status_icon_for(net::KeyStatus status);

}  // namespace keywizard::ui
