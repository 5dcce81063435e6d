#include "wizard/app/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/textentry.h>

#include <utility>

#include "core/key_setup.h"
#include "wizard/app/app_icon.h"
#include "wizard/app/app_ids.h"
#include "wizard/app/check_settings.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/endpoint_question.h"
#include "wizard/app/key_status_panel.h"
#include "wizard/app/question_dialog.h"
#include "wizard/pages/key_wizard.h"

namespace keywizard::ui {
namespace {

// The text field the Edit menu acts on: the one with the keyboard focus, if it is one.
wxTextEntry* FocusedTextEntry() {
    return dynamic_cast<wxTextEntry*>(wxWindow::FindFocus());
}

// On a worker: the stored key checked where it was verified, or at `confirmed`, the base URL the person
// agreed to send it to (an explicit argument: the binding does not apply). The key never reaches the UI.
net::KeyCheckOutcome CheckStoredKey(Options options, const std::optional<std::string>& confirmed,
                                    const net::CancelTokenPtr& cancel) {
    if (confirmed) {
        options.base_url = confirmed;
    }
    return core::check_stored_key(options, cancel).outcome;
}

}  // namespace

MainFrame::MainFrame(std::filesystem::path config_dir, AppOptions options)
    : wxFrame(nullptr, wxID_ANY, "keywizard", wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "main_frame"),
      config_dir_(std::move(config_dir)),
      options_(options) {
    SetIcons(app_icon_bundle());
    SetMenuBar(CreateMenus());

    auto* content = new wxPanel(this);
    info_bar_ = new wxInfoBar(content);
    info_bar_->SetName("info_bar");
    status_panel_ = new KeyStatusPanel(content);
    check_panel_ = new KeyCheckPanel(status_panel_, [this] { return MakeStoredKeyCheck(); });
    check_panel_->Hide();
    status_panel_->check_area()->Add(check_panel_, wxSizerFlags().Expand());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(info_bar_, wxSizerFlags().Expand());
    sizer->Add(status_panel_, wxSizerFlags(1).Expand());
    content->SetSizer(sizer);

    BindCommands();
    wxSize size = content->GetBestSize();
    size.IncTo(FromDIP(wxSize(560, 0)));
    SetClientSize(size);
    SetMinClientSize(FromDIP(wxSize(480, 300)));
    Centre();
    ReloadKeyState();
}

wxMenuBar* MainFrame::CreateMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Quit keywizard"));

    auto* edit = new wxMenu;
    edit->Append(wxID_CUT, _("Cu&t\tCtrl+X"));
    edit->Append(wxID_COPY, _("&Copy\tCtrl+C"));
    edit->Append(wxID_PASTE, _("&Paste\tCtrl+V"));
    edit->AppendSeparator();
    edit->Append(wxID_SELECTALL, _("Select &All\tCtrl+A"));

    auto* settings = new wxMenu;
    settings->Append(wxID_PREFERENCES, _("&Configuration Editor…\tCtrl+,"),
                     _("Edit the OpenAI API key and the network settings"));

    auto* help = new wxMenu;
    help->Append(ID_SETUP_KEY, _("&Set up OpenAI API key…"), _("Run the setup wizard"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About keywizard"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(settings, _("&Settings"));
    bar->Append(help, _("&Help"));
    return bar;
}

void MainFrame::BindCommands() {
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    for (const int id : {wxID_CUT, wxID_COPY, wxID_PASTE, wxID_SELECTALL}) {
        Bind(
            wxEVT_MENU, [this, id](wxCommandEvent&) { ForwardToFocusedText(id); }, id);
        Bind(wxEVT_UPDATE_UI, &MainFrame::UpdateEditCommand, this, id);
    }
    // Buttons in the status panel share these ids with the menu items.
    for (const auto& event_type : {wxEVT_MENU, wxEVT_BUTTON}) {
        Bind(
            event_type, [this](wxCommandEvent&) { OpenConfigurationEditor(EditorCategory::api_keys); },
            wxID_PREFERENCES);
        Bind(
            event_type, [this](wxCommandEvent&) { RunSetupWizard(false); }, ID_SETUP_KEY);
    }
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAbout(); }, wxID_ABOUT);
    info_bar_->Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            info_bar_->Dismiss();
            RunSetupWizard(false, true);
        },
        ID_REPLACE_KEY);
    // A finished test of the stored key was recorded as the last check: show it.
    Bind(EVT_KEY_CHECK_STATE, [this](wxCommandEvent& event) {
        event.Skip();
        if (event.GetInt() == static_cast<int>(KeyCheckPanel::State::result)) {
            ReloadKeyState();
        }
        CallAfter([this] { GrowToFitContent(); });
    });
}

std::optional<KeyCheckJob> MainFrame::MakeStoredKeyCheck() {
    const auto confirmed_base_url = ConfirmEndpoint();
    if (!confirmed_base_url) {
        return std::nullopt;
    }
    KeyCheckJob job;
    job.endpoint = core::to_net_endpoint(shown_.endpoint);
    job.run = [options = app_options(config_dir_), confirmed = *confirmed_base_url](
                  const net::CancelTokenPtr& cancel) { return CheckStoredKey(options, confirmed, cancel); };
    return job;
}

// Nothing to ask: {nullopt}. Asked and confirmed: {the base URL}. Declined: nullopt.
std::optional<std::optional<std::string>> MainFrame::ConfirmEndpoint() {
    const auto change = core::endpoint_change(shown_.endpoint, shown_.key.verified_base_url);
    if (!change) {
        return std::optional<std::string>();
    }
    if (!ConfirmSendingKeyElsewhere(this, *change)) {
        return std::nullopt;
    }
    return std::optional<std::string>(change->base_url);
}

// At most once per recheck_interval_hours, silently: only a rejected key is worth interrupting for.
void MainFrame::StartBackgroundRecheck() {
    recheck_task_.start<net::KeyCheckOutcome>(
        [options = app_options(config_dir_)](const net::CancelTokenPtr& cancel) {
            return CheckStoredKey(options, std::nullopt, cancel);
        },
        [this](net::KeyCheckOutcome outcome) { OnBackgroundRecheck(outcome); }, [](std::string) {});
}

void MainFrame::OnBackgroundRecheck(const net::KeyCheckOutcome& outcome) {
    // Valid, limited, offline or an endpoint that changed (not sent, so not recorded): nothing to say.
    if (outcome.status != net::KeyStatus::rejected) {
        if (outcome.reason != net::Reason::endpoint_changed && outcome.reason != net::Reason::cancelled) {
            ReloadKeyState();  // the last check changed
        }
        return;
    }
    ShowInfo(wxString::Format(_("OpenAI no longer accepts the stored key %s (%s): it was revoked, deleted or "
                                "its account changed. Tools using it will fail until it is replaced."),
                              wxString::FromUTF8(outcome.masked_key),
                              wxString::FromUTF8(std::string(core::to_string(outcome.reason)))),
             wxICON_WARNING);
    info_bar_->AddButton(ID_REPLACE_KEY, _("Replace key…"));
    ReloadKeyState();
}

void MainFrame::ShowInfo(const wxString& text, int flags) {
    if (info_bar_->HasButtonId(ID_REPLACE_KEY)) {
        info_bar_->RemoveButton(ID_REPLACE_KEY);
    }
    info_bar_->ShowMessage(text, flags);
}

void MainFrame::ReloadKeyState() {
    if (!first_load_done_) {
        status_panel_->ShowLoading();
    }
    storage_task_.start<KeyView>(
        [options = app_options(config_dir_), first_load = !first_load_done_](const net::CancelTokenPtr&) {
            KeyView view;
            view.settings_warnings =
                saved_settings(options).warnings;  // first: it moves a corrupt file aside
            view.key = stored_key(options);
            view.endpoint = resolve_endpoint(options);
            if (first_load) {
                view.recheck_due = view.key.stored && recheck_due(options);
                view.needs_setup = needs_setup(options);
            }
            return view;
        },
        [this](KeyView view) { ShowKeyState(view); },
        [this](std::string problem) { ShowInfo(wxString::FromUTF8(problem), wxICON_ERROR); });
}

void MainFrame::ShowKeyState(const KeyView& view) {
    shown_ = view;
    check_panel_->Show(view.key.stored);
    check_panel_->SetTestAllowed(view.key.stored);
    status_panel_->ShowState(view.key);
    if (!view.settings_warnings.empty()) {
        ShowInfo(wxString::FromUTF8(view.settings_warnings.front()), wxICON_WARNING);
    }
    GrowToFitContent();
    const bool first_load = !first_load_done_;
    first_load_done_ = true;
    if (!first_load) {
        return;
    }
    if (view.recheck_due) {
        StartBackgroundRecheck();
    }
    if (options_.view != StartView::none) {
        CallAfter([this] { ShowStartView(); });
    } else if (!options_.no_first_run && view.needs_setup) {
        // Once the frame is up and painted, so the wizard opens over it, not before it.
        CallAfter([this] { RunSetupWizard(true); });
    }
}

// The test result can make the content taller than the window: grow, never shrink what the person chose.
void MainFrame::GrowToFitContent() {
    wxWindow* content = status_panel_->GetParent();
    content->Layout();
    wxSize wanted = content->GetBestSize();
    wanted.IncTo(GetClientSize());
    if (wanted != GetClientSize()) {
        SetClientSize(wanted);
    }
    content->Layout();
}

void MainFrame::RunSetupWizard(bool first_run, bool at_paste_step) {
    if (dialog_open_) {
        return;
    }
    dialog_open_ = true;
    KeyWizardOptions wizard_options;
    wizard_options.app = app_options(config_dir_);
    wizard_options.first_run = first_run;
    wizard_options.start_at_paste = at_paste_step;
    wizard_options.own_app = true;
    RunKeyWizard(this, wizard_options);
    dialog_open_ = false;
    check_panel_->Reset();  // a result shown before may be about a key that is gone now
    ReloadKeyState();
}

void MainFrame::OpenConfigurationEditor(EditorCategory first_category) {
    if (dialog_open_) {
        return;
    }
    dialog_open_ = true;
    if (ShowConfigurationEditor(this, config_dir_, first_category)) {
        check_panel_->Reset();
    }
    dialog_open_ = false;
    ReloadKeyState();
}

void MainFrame::ShowAbout() {
    wxAboutDialogInfo info;
    info.SetName("keywizard");
    info.SetVersion(KEYWIZARD_VERSION);
    info.SetDescription(
        _("Gets an OpenAI API key into this app the right way: create it, test it against "
          "the API, store it in your keyring."));
    info.SetIcon(app_icon_bundle().GetIcon(wxSize(64, 64)));
    wxAboutBox(info, this);
}

void MainFrame::ForwardToFocusedText(int command_id) {
    wxTextEntry* entry = FocusedTextEntry();
    if (entry == nullptr) {
        return;
    }
    switch (command_id) {
        case wxID_CUT:
            entry->Cut();
            break;
        case wxID_COPY:
            entry->Copy();
            break;
        case wxID_PASTE:
            entry->Paste();
            break;
        case wxID_SELECTALL:
            entry->SelectAll();
            break;
        default:
            break;
    }
}

void MainFrame::UpdateEditCommand(wxUpdateUIEvent& event) {
    const wxTextEntry* entry = FocusedTextEntry();
    switch (event.GetId()) {
        case wxID_CUT:
            event.Enable(entry != nullptr && entry->CanCut());
            break;
        case wxID_COPY:
            event.Enable(entry != nullptr && entry->CanCopy());
            break;
        case wxID_PASTE:
            event.Enable(entry != nullptr && entry->CanPaste());
            break;
        case wxID_SELECTALL:
            event.Enable(entry != nullptr && !entry->IsEmpty());
            break;
        default:
            break;
    }
}

void MainFrame::ShowStartView() {
    switch (options_.view) {
        case StartView::none:
            break;
        case StartView::editor_api_keys:
            OpenConfigurationEditor(EditorCategory::api_keys);
            break;
        case StartView::editor_network:
            OpenConfigurationEditor(EditorCategory::network);
            break;
    }
}

}  // namespace keywizard::ui
