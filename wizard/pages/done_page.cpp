#include "wizard/pages/done_page.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wizard/pages/content_view.h"
#include "wizard/pages/illustration_gallery.h"
#include "wizard/pages/key_wizard_dialog.h"
#include "wizard/widgets/key_hygiene.h"
#include "wizard/widgets/notice_box.h"

namespace keywizard::ui {

DonePage::DonePage(KeyWizardDialog& wizard) : WizardPageBase(wizard, PageId::done, text_column_dip) {
    const auto& content = page_content(PageId::done, wizard.HostContent());
    wxWindow* parent = body();
    wxBoxSizer* left = left_column();

    status_ =
        new NoticeBox(parent, NoticeKind::success, _("Your key is saved."), text_column_dip, "done_status");
    left->Add(status_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    location_ = add_paragraph(parent, left, wxString(), text_column_dip, "done_location");
    location_->SetFont(location_->GetFont().Bold());
    warning_ = new NoticeBox(parent, NoticeKind::warning, wxString(), text_column_dip, "done_warning");
    left->Add(warning_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    warning_->Hide();

    auto* clipboard_row =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "clipboard_row");
    clipboard_text_ = new wxStaticText(clipboard_row, wxID_ANY,
                                       _("The key is still on the clipboard, where any app can read it."),
                                       wxDefaultPosition, wxDefaultSize, 0, "clipboard_notice");
    clear_clipboard_ = new wxButton(clipboard_row, wxID_ANY, _("C&lear clipboard"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "clear_clipboard");
    clear_clipboard_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ClearClipboard(); });
    auto* clipboard_sizer = new wxBoxSizer(wxHORIZONTAL);
    clipboard_sizer->Add(clipboard_text_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    clipboard_sizer->Add(clear_clipboard_, 0, wxALIGN_CENTER_VERTICAL);
    clipboard_row->SetSizer(clipboard_sizer);
    left->Add(clipboard_row, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    clipboard_row->Hide();
    clipboard_row_ = clipboard_row;

    // keywizard's own words name its own menus; a host's content file says its own. Any other host: where
    // the person changes the key in that app (change_key_later), or its settings.
    const KeyWizardOptions& options = wizard.Options();
    const bool own_words = wizard.ShowsContentAsWritten(PageId::done);
    const wxString app_name = wxString::FromUTF8(options.app.app_name);
    const wxString later =
        options.app.change_key_later.empty()
            ? wxString::Format(_("To change the key later, look in %s's settings."), app_name)
            : wxString::Format(_("To change the key later: %s"),
                               wxString::FromUTF8(options.app.change_key_later));
    instruction_ = add_paragraph(
        parent, left,
        own_words ? translated(content.instruction)
                  : wxString::Format(_("%s can now use your OpenAI account."), app_name) + " " + later,
        text_column_dip, "instruction");
    if (own_words) {
        add_steps(parent, left, content.steps, text_column_dip);
    }
    add_links(parent, left, content.links);
    // The content's own notices ("Setup complete") hold only when the key was saved.
    auto* notices =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "done_notices");
    auto* notices_sizer = new wxBoxSizer(wxVERTICAL);
    add_notices(notices, notices_sizer, content.notices, text_column_dip);
    notices->SetSizer(notices_sizer);
    left->Add(notices, 0, wxEXPAND);
    content_notices_ = notices;

    if (own_words && !content.images.empty()) {
        gallery_ = new IllustrationGallery(parent, content.images, picture_column_dip);
        right_column()->Add(gallery_, 0);
    }
    FinishLayout();
}

void DonePage::OnFirstShow() {
    if (gallery_ != nullptr) {
        gallery_->DrawPictures();
    }
}

void DonePage::OnShown(bool /*forward*/) {
    const auto& saved = wizard().SavedKey();
    if (saved && saved->status.ok) {
        SetPageTitle(translated(page_content(PageId::done, wizard().HostContent()).title));
        status_->SetNotice(NoticeKind::success, _("Your key works and is saved."));
        // Where, once ("saved" is already said above); then anything else the storage did, such as removing
        // an old copy, from KeyStorage's own words after its first line.
        wxString location = wxString::Format(_("Stored in: %s"), wxString::FromUTF8(saved->location));
        const std::string& message = saved->status.message;
        if (const auto line_end = message.find('\n'); line_end != std::string::npos) {
            location += "\n" + wxString::FromUTF8(message.substr(line_end + 1));
        }
        location_->SetLabelText(location);
        const bool plain_file = saved->backend == settings::SecretBackend::file;
        wxString warning;
        if (plain_file) {
            warning =
                _("The key is in a plain-text file that only your user account can read. Anyone who can "
                  "use your account can read it.");
        }
        if (!saved->warning.empty()) {
            warning += (warning.empty() ? "" : "\n") + wxString::FromUTF8(saved->warning);
        }
        warning_->SetNotice(NoticeKind::warning, warning);
        warning_->Show(!warning.empty());
        instruction_->Show();
        content_notices_->Show();
        // Checked each time the page shows: the person may have copied something else meanwhile.
        const bool on_clipboard = ClipboardHoldsKey(SavedKey());
        clipboard_text_->SetLabel(_("The key is still on the clipboard, where any app can read it."));
        clear_clipboard_->Show(on_clipboard);
        clipboard_row_->Show(on_clipboard);
    } else {
        clipboard_row_->Hide();
        SetPageTitle(_("Key tested, not saved"));
        status_->SetNotice(NoticeKind::warning, _("Your key works, but it was not saved, as you chose."));
        location_->SetLabelText(_("To save it later, run this wizard again from the Help menu."));
        warning_->Hide();
        instruction_->Hide();
        content_notices_->Hide();
    }
    location_->Wrap(FromDIP(text_column_dip));
    RefreshLayout();
}

bool DonePage::KeySaved() const {
    return wizard().Result() == KeyWizardResult::saved;
}

std::string DonePage::SavedKey() const {
    return wizard().SavedKeyText();
}

void DonePage::ClearClipboard() {
    const bool cleared = ClearClipboardIfItHolds(SavedKey());
    clipboard_text_->SetLabel(cleared ? _("Clipboard cleared.")
                                      : _("The clipboard no longer holds the key; it was left as it is."));
    clear_clipboard_->Hide();
    RefreshLayout();
}

}  // namespace keywizard::ui
