#include "wizard/widgets/status_icons.h"

#include <wx/intl.h>
#include <wx/statbmp.h>

#include <map>
#include <utility>

#include "wizard/widgets/accessible.h"

namespace keywizard::ui {
namespace {

const char* svg_of(StatusIcon icon) {
    switch (icon) {
        case StatusIcon::success:
            return R"(<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<circle cx="12" cy="12" r="11" fill="#2e7d32"/>
<path d="M6.6 12.4l3.6 3.6 7.3-7.8" fill="none" stroke="#ffffff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>)";
        case StatusIcon::danger:
            return R"(<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<circle cx="12" cy="12" r="11" fill="#c62828"/>
<path d="M8 8l8 8M16 8l-8 8" fill="none" stroke="#ffffff" stroke-width="2.6" stroke-linecap="round"/>
</svg>)";
        case StatusIcon::warning:
            return R"(<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<path d="M12 1.8L23.2 21.6H0.8Z" fill="#f9a825" stroke="#f9a825" stroke-width="1.2" stroke-linejoin="round"/>
<path d="M12 8.6v6.4" fill="none" stroke="#202020" stroke-width="2.4" stroke-linecap="round"/>
<circle cx="12" cy="18.2" r="1.45" fill="#202020"/>
</svg>)";
        case StatusIcon::unknown:
            return R"(<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<circle cx="12" cy="12" r="11" fill="#616161"/>
<path d="M8.9 9.3a3.1 3.1 0 1 1 4.6 2.7c-1 0.6-1.5 1.2-1.5 2.3v0.6" fill="none" stroke="#ffffff" stroke-width="2.3" stroke-linecap="round"/>
<circle cx="12" cy="18" r="1.4" fill="#ffffff"/>
</svg>)";
        case StatusIcon::info:
            break;
    }
    return R"(<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<circle cx="12" cy="12" r="11" fill="#1565c0"/>
<circle cx="12" cy="7.2" r="1.5" fill="#ffffff"/>
<path d="M12 10.8v7" fill="none" stroke="#ffffff" stroke-width="2.5" stroke-linecap="round"/>
</svg>)";
}

}  // namespace

wxBitmapBundle status_icon_bundle(StatusIcon icon, int size_dip) {
    // One bundle per icon and size for the whole process (UI thread only): the SVG is parsed once, and
    // windows showing the same icon at the same scale share one rasterised bitmap.
    static std::map<std::pair<StatusIcon, int>, wxBitmapBundle> made;
    const auto key = std::make_pair(icon, size_dip);
    if (const auto found = made.find(key); found != made.end()) {
        return found->second;
    }
    return made[key] = wxBitmapBundle::FromSVG(svg_of(icon), wxSize(size_dip, size_dip));
}

wxString status_icon_name(StatusIcon icon) {
    switch (icon) {
        case StatusIcon::success:
            return _("Works");
        case StatusIcon::danger:
            return _("Problem");
        case StatusIcon::warning:
            return _("Warning");
        case StatusIcon::unknown:
            return _("Not checked");
        case StatusIcon::info:
            break;
    }
    return _("Information");
}

void set_status_icon(wxStaticBitmap* picture, StatusIcon icon, int size_dip) {
    picture->SetBitmap(status_icon_bundle(icon, size_dip));
    set_accessible_role(picture, "image");
    set_accessible_name(picture, status_icon_name(icon));
}

StatusIcon status_icon_for(net::KeyStatus status) {
    switch (status) {
        case net::KeyStatus::valid:
            return StatusIcon::success;
        case net::KeyStatus::rejected:
            return StatusIcon::danger;
        case net::KeyStatus::limited:
            return StatusIcon::warning;
        case net::KeyStatus::unverified:
            break;
    }
    return StatusIcon::unknown;
}

}  // namespace keywizard::ui
