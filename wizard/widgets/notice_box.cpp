#include "wizard/widgets/notice_box.h"

#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

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

wxColour tint_of(NoticeKind kind) {
    switch (kind) {
        case NoticeKind::warning:
            return wxColour(0xff, 0xf3, 0xd6);
        case NoticeKind::danger:
            return wxColour(0xfd, 0xe4, 0xe2);
        case NoticeKind::success:
            return wxColour(0xe3, 0xf3, 0xe5);
        case NoticeKind::info:
            break;
    }
    return wxColour(0xe4, 0xee, 0xfb);
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
    text_->SetForegroundColour(wxColour(0x1f, 0x1f, 0x1f));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(icon_, 0, wxALIGN_TOP | wxALL, FromDIP(8));
    row->Add(text_, 1, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM | wxRIGHT, FromDIP(8));
    SetSizer(row);
    SetNotice(kind, text);
}

void NoticeBox::SetNotice(NoticeKind kind, const wxString& text) {
    kind_ = kind;
    ApplyKind();
    // The text wraps inside the box: icon and paddings take the rest of the width.
    set_wrapped_text(text_, text, FromDIP(wrap_width_dip_ - icon_size_dip - 24));
    InvalidateBestSize();
    Layout();
}

wxString NoticeBox::GetText() const {
    return text_->GetLabelText();
}

void NoticeBox::ApplyKind() {
    SetBackgroundColour(tint_of(kind_));
    icon_->SetBitmap(status_icon_bundle(icon_of(kind_), icon_size_dip));
    Refresh();
}

}  // namespace keywizard::ui
