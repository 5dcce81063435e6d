#include "wizard/app/app_icon.h"

#include <wx/bmpbndl.h>

#include "images/wizard_content.h"

namespace keywizard::ui {

wxIconBundle app_icon_bundle() {
    wxIconBundle icons;
    const auto svg = content::app_icon_svg();
    if (svg.empty()) {
        return icons;
    }
    const wxBitmapBundle bundle = wxBitmapBundle::FromSVG(svg.data(), svg.size(), wxSize(32, 32));
    for (const int side : {16, 24, 32, 48, 64, 128, 256}) {
        const wxBitmap bitmap = bundle.GetBitmap(wxSize(side, side));
        if (bitmap.IsOk()) {
            wxIcon icon;
            icon.CopyFromBitmap(bitmap);
            icons.AddIcon(icon);
        }
    }
    return icons;
}

}  // namespace keywizard::ui
