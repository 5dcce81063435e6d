#include "main_frame.h"

#include <optional>
#include <string>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "configuration_editor.h"

namespace {

enum { ID_CONFIGURATION_EDITOR = wxID_HIGHEST + 1, ID_SET_UP_KEY };

}  // namespace

MainFrame::MainFrame(const keywizard::Options& options)
    : wxFrame(nullptr, wxID_ANY, wxString::FromUTF8(options.app_name)), options_(options) {
    BuildMenus();

    panel_ = new wxPanel(this);
    auto* label = new wxStaticText(panel_, wxID_ANY, _("OpenAI API key:"));
    stored_key_ = new wxStaticText(panel_, wxID_ANY, _("Reading…"));
    key_details_ = new wxStaticText(panel_, wxID_ANY, wxString());
    test_button_ = new wxButton(panel_, wxID_ANY, _("&Test key"));
    check_status_ = new wxStaticText(panel_, wxID_ANY, wxString());

    // The label first, then what it labels, in one sizer: that is the accessible relation GTK reports.
    auto* key_row = new wxBoxSizer(wxHORIZONTAL);
    key_row->Add(label, wxSizerFlags().CenterVertical());
    key_row->AddSpacer(FromDIP(8));
    key_row->Add(stored_key_, wxSizerFlags(1).CenterVertical());
    key_row->Add(test_button_, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(key_row, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(key_details_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    sizer->Add(check_status_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    panel_->SetSizer(sizer);
    SetClientSize(FromDIP(wxSize(560, 220)));

    test_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TestKey(); });
    RefreshStoredKey();
}

void MainFrame::BuildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_EXIT);
    auto* settings = new wxMenu;
    settings->Append(ID_CONFIGURATION_EDITOR, _("&Configuration Editor…"));
    auto* help = new wxMenu;
    help->Append(ID_SET_UP_KEY, _("&Set up OpenAI API key…"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(settings, _("&Settings"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenConfigurationEditor(); }, ID_CONFIGURATION_EDITOR);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { RunSetup(false); }, ID_SET_UP_KEY);
}

void MainFrame::RunSetup(bool first_run) {
    const keywizard::SetupResult setup = keywizard::RunSetupWizard(this, options_, first_run);
    ShowStoredKey(setup.stored);
}

void MainFrame::OpenConfigurationEditor() {
    ShowConfigurationEditor(this, options_);
    RefreshStoredKey();  // the panel may have saved or forgotten the key
}

void MainFrame::RefreshStoredKey() {
    background_.Run([options = options_] { return keywizard::stored_key(options); },
                    [this](const keywizard::StoredKeyInfo& info) { ShowStoredKey(info); });
}

void MainFrame::ShowStoredKey(const keywizard::StoredKeyInfo& info) {
    if (info.stored) {
        stored_key_->SetLabel(wxString::FromUTF8(info.masked_key));
        wxString details = wxString::Format(_("Stored in %s."), wxString::FromUTF8(info.location));
        if (!info.last_check_status.empty()) {
            details += " " + wxString::Format(_("Last check: %s (%s) at %s."),
                                              wxString::FromUTF8(info.last_check_status),
                                              wxString::FromUTF8(info.last_check_reason),
                                              wxString::FromUTF8(info.last_check_time));
        }
        key_details_->SetLabel(details);
    } else if (!info.problem.empty()) {
        stored_key_->SetLabel(_("Cannot be read"));
        key_details_->SetLabel(wxString::FromUTF8(info.problem));
    } else {
        stored_key_->SetLabel(_("None stored"));
        key_details_->SetLabel(_("Help > Set up OpenAI API key… walks you through getting one."));
    }
    if (!info.environment_key_masked.empty()) {
        key_details_->SetLabel(
            wxString::Format(_("OPENAI_API_KEY is set (%s) and is used instead of the stored key."),
                             wxString::FromUTF8(info.environment_key_masked)));
    }
    key_details_->Wrap(GetClientSize().x - FromDIP(24));
    panel_->Layout();
}

void MainFrame::TestKey() {
    test_button_->Disable();
    check_status_->SetLabel(_("Testing the key…"));
    TestStoredKey(options_);
}

void MainFrame::TestStoredKey(const keywizard::Options& options) {
    // The library reads the stored key and checks it: the host never holds it. The result is recorded as
    // the last check, which ShowStoredKey shows.
    check_ = keywizard::CheckStoredKeyAsync(
        this, options, {}, [this, options](const keywizard::CheckResult& result) {
            if (result.reason == "endpoint_changed" && !options.base_url) {
                AskToSendElsewhere();
                return;
            }
            ShowCheckResult(result);
        });
}

void MainFrame::AskToSendElsewhere() {
    // The stored key was verified elsewhere: it goes to the new base URL only if the person says so.
    const keywizard::Endpoint now = keywizard::resolve_endpoint(options_);
    const int answer = wxMessageBox(
        wxString::Format(
            _("The key was checked at another address, but the base URL is now %s (%s). Send "
              "the key there to test it?"),
            wxString::FromUTF8(now.base_url.value),
            wxString::FromUTF8(now.base_url.variable.empty() ? keywizard::to_string(now.base_url.source)
                                                             : now.base_url.variable)),
        _("Send the key to another address?"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this);
    if (answer != wxYES) {
        test_button_->Enable();
        check_status_->SetLabel(_("Not tested: the key was not sent to the new address."));
        return;
    }
    keywizard::Options named = options_;
    named.base_url = now.base_url.value;  // the host names it now: the stored key may go there
    TestStoredKey(named);
}

void MainFrame::ShowCheckResult(const keywizard::CheckResult& result) {
    test_button_->Enable();
    check_status_->SetLabel(wxString::Format(_("%s: %s"),
                                             wxString::FromUTF8(keywizard::to_string(result.status)),
                                             wxString::FromUTF8(result.message)));
    check_status_->Wrap(GetClientSize().x - FromDIP(24));
    panel_->Layout();
    RefreshStoredKey();  // the last check is recorded with the stored key
}
