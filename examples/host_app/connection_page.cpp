#include "connection_page.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

ConnectionPage::ConnectionPage(wxWindow* parent, const keywizard::Options& options)
    : wxPanel(parent, wxID_ANY), options_(options) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 2)));
    grid->AddGrowableCol(1);
    const auto add = [&](const wxString& label, const wxString& hint,
                         std::string keywizard::SavedSettings::*value,
                         keywizard::Setting keywizard::Endpoint::*in_use) {
        Field field{new wxTextCtrl(this, wxID_ANY), new wxStaticText(this, wxID_ANY, wxString()), value,
                    in_use};
        field.text->SetHint(hint);
        field.override_note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        // The label first, then what it labels: the accessible relation GTK reports.
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        grid->Add(field.text, wxSizerFlags(1).Expand());
        grid->AddSpacer(0);
        grid->Add(field.override_note, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
        fields_.push_back(field);
    };
    using keywizard::Endpoint;
    using keywizard::SavedSettings;
    add(_("Base URL:"), "https://api.openai.com/v1", &SavedSettings::base_url, &Endpoint::base_url);
    add(_("Organization:"), _("optional, org-…"), &SavedSettings::organization, &Endpoint::organization);
    add(_("Project:"), _("optional, proj_…"), &SavedSettings::project, &Endpoint::project);
    add(_("CA file:"), _("the system's certificates"), &SavedSettings::ca_file, &Endpoint::ca_file);
    add(_("Proxy:"), _("libcurl's proxy variables"), &SavedSettings::proxy, &Endpoint::proxy);

    save_button_ = new wxButton(this, wxID_ANY, _("&Save connection settings"));
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(save_button_, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    sizer->Add(status_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    save_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    Load();
}

void ConnectionPage::Load() {
    // settings.json only: a small file, read on the UI thread. resolve_endpoint says what a check uses now.
    const keywizard::SavedSettingsRead read = keywizard::saved_settings(options_);
    saved_ = read.settings;
    const keywizard::Endpoint in_use = keywizard::resolve_endpoint(options_);
    for (const Field& field : fields_) {
        field.text->ChangeValue(wxString::FromUTF8(saved_.*field.value));
        const keywizard::Setting& setting = in_use.*field.in_use;
        field.override_note->SetLabel(
            setting.source == keywizard::Source::environment
                ? wxString::Format(_("Overridden by %s: %s"), wxString::FromUTF8(setting.variable),
                                   setting.value.empty() ? _("(empty)") : wxString::FromUTF8(setting.value))
                : wxString());
    }
    if (!read.problem.empty() || !read.warnings.empty()) {
        ShowStatus(wxString::FromUTF8(read.problem.empty() ? read.warnings.front() : read.problem));
    }
}

keywizard::SavedSettings ConnectionPage::Edited() const {
    keywizard::SavedSettings edited = saved_;  // timeout, required models... as they were
    for (const Field& field : fields_) {
        wxString value = field.text->GetValue();
        edited.*field.value = value.Trim(true).Trim(false).utf8_string();
    }
    return edited;
}

void ConnectionPage::Save() {
    const keywizard::SavedSettings edited = Edited();
    if (edited.base_url == saved_.base_url) {
        Store(edited, std::nullopt);
        return;
    }
    // A new base URL: test the stored key there first, but only if the person agrees to send it there.
    const wxString where =
        wxString::FromUTF8(edited.base_url.empty() ? "https://api.openai.com/v1" : edited.base_url);
    const int answer = wxMessageBox(
        wxString::Format(_("Test the stored key at %s before saving? It is sent there. If you say no, the "
                           "settings are saved and the key is not used there until you test it."),
                         where),
        _("Test the key at the new address?"), wxYES_NO | wxCANCEL | wxICON_QUESTION, this);
    if (answer == wxCANCEL) {
        return;
    }
    if (answer == wxNO) {
        Store(edited, std::nullopt);
        return;
    }
    keywizard::Options there = options_;
    there.base_url = where.utf8_string();
    there.organization = edited.organization;
    there.project = edited.project;
    there.ca_file = edited.ca_file;
    there.proxy = edited.proxy;
    save_button_->Disable();
    ShowStatus(_("Testing the stored key at the new address…"));
    check_ = keywizard::CheckStoredKeyAsync(
        this, there, {},
        [this, edited](const keywizard::CheckResult& result) { SaveAfterTest(edited, result); });
}

void ConnectionPage::SaveAfterTest(const keywizard::SavedSettings& edited,
                                   const keywizard::CheckResult& result) {
    save_button_->Enable();
    if (result.status == keywizard::Status::valid) {
        Store(edited, result);  // a passing check binds the key to the new base URL in the same write
        return;
    }
    if (result.reason == "no_key") {
        Store(edited, std::nullopt);  // no key stored: nothing to bind
        return;
    }
    const int answer =
        wxMessageBox(wxString::Format(_("The test did not pass: %s\n\nSave the settings anyway?"),
                                      wxString::FromUTF8(result.message)),
                     _("Save anyway?"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this);
    if (answer == wxYES) {
        Store(edited, std::nullopt);
    } else {
        ShowStatus(_("Not saved."));
    }
}

void ConnectionPage::Store(const keywizard::SavedSettings& edited,
                           std::optional<keywizard::CheckResult> checked) {
    // With a check, save_settings reads the keyring to see that it was the stored key's: off the UI thread.
    background_.Run(
        [options = options_, edited, checked] {
            return keywizard::save_settings(options, edited, checked ? &*checked : nullptr);
        },
        [this](const keywizard::SettingsSaveResult& saved) {
            ShowStatus(wxString::FromUTF8(saved.message));
            if (saved.saved) {
                Load();
            }
        });
}

void ConnectionPage::ShowStatus(const wxString& text) {
    status_->SetLabel(text);
    status_->Wrap(GetClientSize().x > 0 ? GetClientSize().x - FromDIP(24) : FromDIP(480));
    Layout();
}
