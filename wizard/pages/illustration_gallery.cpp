#include "wizard/pages/illustration_gallery.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <utility>

#include "wizard/widgets/accessible.h"
#include "wizard/widgets/wrapped_text.h"

namespace keywizard::ui {
namespace {

// All pictures share one aspect (16:10); the frame keeps that size even when one is missing.
wxSize picture_size(int width_dip) {
    return wxSize(width_dip, width_dip * 10 / 16);
}

}  // namespace

IllustrationGallery::IllustrationGallery(wxWindow* parent, std::vector<content::Illustration> images,
                                         int width_dip)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "illustration_gallery"),
      images_(std::move(images)),
      width_dip_(width_dip) {
    picture_ = new wxStaticBitmap(this, wxID_ANY, wxBitmapBundle(), wxDefaultPosition,
                                  FromDIP(picture_size(width_dip_)), wxBORDER_SIMPLE, "illustration");
    caption_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxALIGN_CENTRE_HORIZONTAL, "illustration_caption");
    prev_ = new wxButton(this, wxID_ANY, _("< Previous picture"), wxDefaultPosition, wxDefaultSize, 0,
                         wxDefaultValidator, "illustration_prev");
    next_ = new wxButton(this, wxID_ANY, _("Next picture >"), wxDefaultPosition, wxDefaultSize, 0,
                         wxDefaultValidator, "illustration_next");
    position_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                 "illustration_position");
    prev_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPicture(index_ - 1); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPicture(index_ + 1); });

    // "Picture 1 of 2" under the buttons, not between them: with both button labels translated (German,
    // the pseudo-locale) three items in one row are wider than the picture and push the page's second
    // column out of the fixed-size wizard.
    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    nav->Add(prev_, 0, wxALIGN_CENTER_VERTICAL);
    nav->AddStretchSpacer();
    nav->Add(next_, 0, wxALIGN_CENTER_VERTICAL);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(picture_, 0, wxALIGN_CENTER_HORIZONTAL);
    column->Add(caption_, 0, wxEXPAND | wxTOP, FromDIP(6));
    column->Add(nav, 0, wxEXPAND | wxTOP, FromDIP(6));
    column->Add(position_, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, FromDIP(4));
    SetSizer(column);

    const bool several = images_.size() > 1;
    prev_->Show(several);
    next_->Show(several);
    position_->Show(several);
    ShowPicture(0);
}

void IllustrationGallery::DrawPictures() {
    if (drawing_) {
        return;
    }
    drawing_ = true;
    ShowPicture(index_);
}

void IllustrationGallery::ShowPicture(std::size_t index) {
    if (images_.empty() || index >= images_.size()) {
        return;
    }
    index_ = index;
    const auto& image = images_[index];
    if (drawing_) {
        if (const wxBitmapBundle bundle = illustration_bundle(image.name, width_dip_); bundle.IsOk()) {
            picture_->SetBitmap(bundle);
        }
    }
    const wxString caption = wxGetTranslation(wxString::FromUTF8(image.caption));
    set_wrapped_text(caption_, caption, FromDIP(width_dip_));
    // The caption is the picture's text alternative: a screen reader says what it shows, not "image".
    set_accessible_role(picture_, "image");
    set_accessible_name(picture_, caption);
    position_->SetLabelText(wxString::Format(_("Picture %zu of %zu"), index + 1, images_.size()));
    prev_->Enable(index > 0);
    next_->Enable(index + 1 < images_.size());
    Layout();
}

}  // namespace keywizard::ui
