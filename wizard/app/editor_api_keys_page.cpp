#include "wizard/app/editor_api_keys_page.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wizard/widgets/key_entry_field.h"

namespace keywizard::ui {
namespace {

constexpr int page_wrap_dip = 520;

}  // namespace

EditorApiKeysPage::EditorApiKeysPage(wxWindow* parent, KeyCheckPanel::JobFactory make_check,
                                     std::function<void()> on_forget, const wxString& about_text)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "api_keys_page") {
    auto* name = new wxStaticText(this, wxID_ANY, "OPENAI_API_KEY");
    name->SetFont(name->GetFont().Bold());
    auto* about = new wxStaticText(
        this, wxID_ANY,
        !about_text.empty() ? about_text
                            : _("The key this app sends to the OpenAI API. A changed key is tested "
                                "before it is saved; changes are saved when you close this window."));
    about->Wrap(FromDIP(page_wrap_dip));

    key_field_ = new KeyEntryField(this, page_wrap_dip);

    location_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_ELLIPSIZE_MIDDLE, "key_storage_location");
    forget_button_ = new wxButton(this, wxID_ANY, _("&Forget key…"), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "forget_key_button");
    forget_button_->SetToolTip(_("Remove the stored key from this computer"));
    forget_button_->Bind(wxEVT_BUTTON, [on_forget = std::move(on_forget)](wxCommandEvent&) { on_forget(); });

    auto* storage_row = new wxBoxSizer(wxHORIZONTAL);
    storage_row->Add(new wxStaticText(this, wxID_ANY, _("Stored in:")),
                     wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
    storage_row->Add(location_, wxSizerFlags(1).CentreVertical());
    storage_row->Add(forget_button_, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(8)));

    check_panel_ = new KeyCheckPanel(this, std::move(make_check), page_wrap_dip);
    check_panel_->KeepRoomForResult();  // the editor and a host's dialog are sized once, before any result
    notice_ = new NoticeBox(this, NoticeKind::info, wxString(), page_wrap_dip, "editor_notice");
    notice_->Hide();

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(name, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    column->Add(about, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    column->Add(key_field_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
    column->Add(storage_row, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(12)));
    column->Add(notice_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
    column->Add(check_panel_, wxSizerFlags(1).Expand());

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(column, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    SetSizer(outer);
    ShowStorage(wxString(), false);
}

void EditorApiKeysPage::ShowStorage(const wxString& location, bool key_stored) {
    location_->SetLabel(key_stored ? location : _("Not stored yet"));
    location_->SetToolTip(location_->GetLabel());
    forget_button_->Enable(key_stored);
    Layout();
}

void EditorApiKeysPage::ShowNotice(NoticeKind kind, const wxString& text) {
    notice_->SetNotice(kind, text);
    notice_->Show();
    Layout();
}

}  // namespace keywizard::ui
