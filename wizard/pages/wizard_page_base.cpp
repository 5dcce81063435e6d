#include "wizard/pages/wizard_page_base.h"

#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "wizard/pages/content_view.h"
#include "wizard/pages/key_wizard_dialog.h"

namespace keywizard::ui {

WizardPageBase::WizardPageBase(KeyWizardDialog& wizard, PageId id, int left_width_dip)
    : wxWizardPage(&wizard), wizard_(wizard), id_(id) {
    SetName(wxString::FromUTF8(std::string(page_content_id(id))) + "_page");
    auto* page_sizer = new wxBoxSizer(wxVERTICAL);
    title_ = add_title(this, page_sizer, translated(page_content(id, wizard.HostContent()).title));

    body_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxVSCROLL | wxTAB_TRAVERSAL, "page_body");
    body_->SetScrollRate(0, FromDIP(12));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    left_ = new wxBoxSizer(wxVERTICAL);
    left_->SetMinSize(FromDIP(wxSize(left_width_dip, -1)));
    right_ = new wxBoxSizer(wxVERTICAL);
    row->Add(left_, 0, wxEXPAND);
    body_->SetSizer(row);  // the right column joins in FinishLayout() if it got any content
    page_sizer->Add(body_, 1, wxEXPAND);
    SetSizer(page_sizer);
    Bind(wxEVT_SHOW, &WizardPageBase::OnShowEvent, this);
}

void WizardPageBase::OnShowEvent(wxShowEvent& event) {
    // wxWizard shows a page with Show() before it sends wxEVT_WIZARD_PAGE_CHANGED and before anything is
    // painted, so whatever OnFirstShow() adds is there in the page's first frame.
    if (event.IsShown() && !shown_before_) {
        shown_before_ = true;
        OnFirstShow();
    }
    if (event.IsShown()) {
        // Once wxWizard is done showing the page (it focuses the page's first control, often a link, where
        // Enter would open a browser): the focus starts on Next, or in a text field the page focused (the
        // key), and the page opens at its top, not scrolled to wherever GTK's focus went meanwhile.
        CallAfter([this] {
            wxWindow* focus = FindFocus();
            const bool in_field =
                focus != nullptr && body_->IsDescendant(focus) && dynamic_cast<wxTextCtrl*>(focus) != nullptr;
            if (!in_field) {
                if (wxWindow* next = wizard_.FindWindow(wxID_FORWARD); next != nullptr && next->IsEnabled()) {
                    next->SetFocus();
                }
                body_->Scroll(0, 0);
            }
        });
    }
    event.Skip();
}

wxWindow* WizardPageBase::body() const {
    return body_;
}

void WizardPageBase::SetPageTitle(const wxString& title) {
    title_->SetLabelText(title);
}

wxWizardPage* WizardPageBase::GetPrev() const {
    const auto prev = wizard_.Route().prev(id_);
    return prev ? wizard_.PageFor(*prev) : nullptr;
}

wxWizardPage* WizardPageBase::GetNext() const {
    const auto next = wizard_.Route().next(id_);
    return next ? wizard_.PageFor(*next) : nullptr;
}

void WizardPageBase::FinishLayout() {
    if (right_ != nullptr) {
        if (right_->IsEmpty()) {
            delete right_;
        } else {
            body_->GetSizer()->Add(right_, 0, wxEXPAND | wxLEFT, FromDIP(column_gap_dip));
        }
        right_ = nullptr;
    }
    // The body takes the page's size (the wizard's), not its content's: the content scrolls in it.
    body_->SetMinSize(wxSize(-1, FromDIP(100)));
    body_->FitInside();
    Layout();
}

void WizardPageBase::ScrollIntoView(wxWindow* child) {
    RefreshLayout();
    int unit_y = 0;
    body_->GetScrollPixelsPerUnit(nullptr, &unit_y);
    if (unit_y <= 0 || child == nullptr || !child->IsShown()) {
        return;
    }
    // The child's place in the body's visible area (client coordinates move with the scrolling).
    const wxRect rect(body_->ScreenToClient(child->GetScreenPosition()), child->GetSize());
    const int visible = body_->GetClientSize().y;
    int delta = 0;
    if (rect.GetBottom() >= visible) {
        delta = std::min(rect.y, rect.GetBottom() - visible + 1 + unit_y);  // never past its top
    } else if (rect.y < 0) {
        delta = rect.y;
    }
    if (delta == 0) {
        return;
    }
    const int units = delta > 0 ? delta / unit_y : -((-delta + unit_y - 1) / unit_y);
    body_->Scroll(-1, std::max(0, body_->GetViewStart().y + units));
}

int WizardPageBase::GetBodyScrollY() const {
    int unit_y = 0;
    body_->GetScrollPixelsPerUnit(nullptr, &unit_y);
    return body_->GetViewStart().y * unit_y;
}

void WizardPageBase::RefreshLayout() {
    body_->GetSizer()->Layout();
    body_->FitInside();
    body_->Layout();
    Layout();
}

}  // namespace keywizard::ui
