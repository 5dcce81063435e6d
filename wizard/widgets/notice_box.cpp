#include "wizard/widgets/notice_box.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "wizard/widgets/accessible.h"
#include "wizard/widgets/readable_colours.h"
#include "wizard/widgets/wrapped_text.h"

namespace keywizard::ui {
namespace {

StatusIcon icon_of(NoticeKind kind) {
    switch (kind) {
        case NoticeKind::warning:
            return StatusIcon::warning;
        case NoticeKind::danger:
            return StatusIcon::danger;
        case NoticeKind::success:
            return StatusIcon::success;
        case NoticeKind::info:
            break;
    }
    return StatusIcon::info;
}

// The kind's colour, as its icon wears it.
wxColour accent_of(NoticeKind kind) {
    switch (kind) {
        case NoticeKind::warning:
            return wxColour(0xf9, 0xa8, 0x25);
        case NoticeKind::danger:
            return wxColour(0xc6, 0x28, 0x28);
        case NoticeKind::success:
            return wxColour(0x2e, 0x7d, 0x32);
        case NoticeKind::info:
            break;
    }
    return wxColour(0x15, 0x65, 0xc0);
}

constexpr int icon_size_dip = 18;

}  // namespace

NoticeBox::NoticeBox(wxWindow* parent, NoticeKind kind, const wxString& text, int wrap_width_dip,
                     const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxBORDER_NONE, name),
      kind_(kind),
      wrap_width_dip_(wrap_width_dip) {
    icon_ = new wxStaticBitmap(this, wxID_ANY, status_icon_bundle(icon_of(kind), icon_size_dip));
    text_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name + "_text");

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(icon_, 0, wxALIGN_TOP | wxALL, FromDIP(8));
    row->Add(text_, 1, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(8));
    SetSizer(row);
    SetNotice(kind, text);
    SetCanFocus(false);
    // A theme switched while the window is open (light to dark) gets tints of its own.
    Bind(wxEVT_SYS_COLOUR_CHANGED, [this](wxSysColourChangedEvent& event) {
        ApplyKind();
        event.Skip();
    });
}

void NoticeBox::SetNotice(NoticeKind kind, const wxString& text) {
    kind_ = kind;
    ApplyKind();
    // The text wraps inside the box: icon and paddings take the rest of the width.
    set_wrapped_text(text_, text, FromDIP(wrap_width_dip_ - icon_size_dip - 24));
    // Read as one thing: its kind and its words (the box itself never takes the focus).
    set_accessible_name(this, status_icon_name(icon_of(kind)) + ": " + text);
    InvalidateBestSize();
    Layout();
}

wxString NoticeBox::GetText() const {
    return text_->GetLabelText();
}

void NoticeBox::ApplyKind() {
    // A tint of the window's own colour, so a dark theme gets a dark box with its own light text (fixed
    // pastels left dark-theme text unreadable); text is pushed to 7:1 on it if the tint took any away.
    const wxColour window = GetParent()->GetBackgroundColour();
    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    const wxColour tint = mix(window, accent_of(kind_), dark ? 0.24 : 0.14);
    SetBackgroundColour(tint);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    text_->SetForegroundColour(with_contrast(text, tint, dark ? *wxWHITE : *wxBLACK, 7.0));
    set_status_icon(icon_, icon_of(kind_), icon_size_dip);
    Refresh();
}

}  // namespace keywizard::ui
