#pragma once

#include <wx/bmpbndl.h>

#include <string_view>

namespace keywizard::ui {

// The illustration `name` at `width_dip` wide, as a bundle that is crisp at 100% and 200%; empty when the
// picture is missing. At content::illustration_width (the width the wizard uses) it draws the PNGs the
// build rendered at exactly that size, decoding only the scale a window asks for, when it asks. Any other
// width is scaled from the 2x PNG (bilinear). Bundles are kept for the process (UI thread only).
wxBitmapBundle illustration_bundle(std::string_view name, int width_dip);

}  // namespace keywizard::ui
