#include "wizard/pages/illustration_gallery.h"

#include <wx/button.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <map>
#include <string>
#include <utility>

namespace keywizard::ui {
namespace {

wxImage decode_png(std::span<const unsigned char> bytes) {
    if (bytes.empty()) {
        return {};
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    wxMemoryInputStream stream(bytes.data(), bytes.size());
    wxImage image;
    image.LoadFile(stream, wxBITMAP_TYPE_PNG);
    return image;
}

wxBitmap scaled_to_width(const wxImage& source, int width) {
    const int height =
        static_cast<int>(static_cast<long long>(source.GetHeight()) * width / source.GetWidth());
    return wxBitmap(source.Scale(width, height, wxIMAGE_QUALITY_HIGH));
}

// All pictures share one aspect (640x400 sources); the frame keeps that size even when one is missing.
wxSize picture_size(int width_dip) {
    return wxSize(width_dip, width_dip * 10 / 16);
}

}  // namespace

wxBitmapBundle illustration_bundle(std::string_view name, int width_dip) {
    // Decoding and resampling a 1280x800 PNG takes a while: once per process is enough (UI thread only).
    static std::map<std::pair<std::string, int>, wxBitmapBundle> made;
    const auto key = std::make_pair(std::string(name), width_dip);
    if (const auto found = made.find(key); found != made.end()) {
        return found->second;
    }
    wxImage source = decode_png(content::illustration_png(name, 2));
    if (!source.IsOk()) {
        source = decode_png(content::illustration_png(name, 1));
    }
    if (!source.IsOk() || source.GetWidth() <= 0) {
        return {};
    }
    wxVector<wxBitmap> bitmaps;
    bitmaps.push_back(scaled_to_width(source, width_dip));
    bitmaps.push_back(scaled_to_width(source, std::min(source.GetWidth(), width_dip * 2)));
    return made[key] = wxBitmapBundle::FromBitmaps(bitmaps);
}

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

    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    nav->Add(prev_, 0, wxALIGN_CENTER_VERTICAL);
    nav->AddStretchSpacer();
    nav->Add(position_, 0, wxALIGN_CENTER_VERTICAL);
    nav->AddStretchSpacer();
    nav->Add(next_, 0, wxALIGN_CENTER_VERTICAL);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(picture_, 0, wxALIGN_CENTER_HORIZONTAL);
    column->Add(caption_, 0, wxEXPAND | wxTOP, FromDIP(6));
    column->Add(nav, 0, wxEXPAND | wxTOP, FromDIP(6));
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
    caption_->SetLabelText(wxGetTranslation(wxString::FromUTF8(image.caption)));
    caption_->Wrap(FromDIP(width_dip_));
    position_->SetLabelText(wxString::Format(_("Picture %zu of %zu"), index + 1, images_.size()));
    prev_->Enable(index > 0);
    next_->Enable(index + 1 < images_.size());
    Layout();
}

}  // namespace keywizard::ui
