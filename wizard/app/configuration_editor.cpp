// Settings -> Configuration Editor…: the dialog class stays in this file; the rest of the program calls
// ShowConfigurationEditor() (Aegisub's dialogs.h habit).
#include "wizard/app/configuration_editor.h"

#include "core/key_setup.h"
#include "wizard/app/check_settings.h"

#include <wx/activityindicator.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/treebook.h>

#include <optional>
#include <string>

#include "core/rules.h"
#include "wizard/app/app_icon.h"
#include "wizard/app/editor_api_keys_page.h"
#include "wizard/app/editor_close_flow.h"
#include "wizard/app/editor_network_page.h"
#include "wizard/app/editor_questions.h"
#include "wizard/app/editor_storage.h"
#include "wizard/app/endpoint_question.h"
#include "wizard/widgets/background_task.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_entry_field.h"
#include "wizard/widgets/key_hygiene.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
namespace {

// Where the editor is: one state at a time instead of flags that could contradict each other.
enum class EditorState {
    loading,             // reading the stored key and the settings: nothing to edit or save yet
    unloaded,            // reading failed: Close closes without saving
    editing,             // the person edits; Close saves (editor_close_flow.h)
    closing_after_test,  // Close was asked for while the key test runs: it closes when the test ends
    storing,             // saving or forgetting: one storage job at a time
};

wxString JoinLines(const std::vector<std::string>& lines) {
    wxString text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "\n") + wxString::FromUTF8(line);
    }
    return text;
}

class ConfigurationEditor : public wxDialog {
  public:
    ConfigurationEditor(wxWindow* parent, std::filesystem::path config_dir, EditorCategory first_category)
        : wxDialog(parent, wxID_ANY, _("Configuration Editor"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "configuration_editor"),
          config_dir_(std::move(config_dir)) {
        SetIcons(app_icon_bundle());
        book_ =
            new wxTreebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBK_LEFT, "editor_categories");
        api_keys_ = new EditorApiKeysPage(
            book_, [this] { return MakeKeyCheckJob(); }, [this] { ForgetKey(); });
        network_ = new EditorNetworkPage(book_, [this] { OnNetworkEdited(); });
        book_->AddPage(api_keys_, _("API Keys and Secrets"));
        book_->AddPage(network_, _("Network"));

        busy_indicator_ =
            new wxActivityIndicator(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "editor_busy");
        busy_text_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                      "editor_busy_text");
        close_button_ = new wxButton(this, wxID_CLOSE, _("&Close"));
        close_button_->SetToolTip(_("Save the changes and close"));

        auto* bottom = new wxBoxSizer(wxHORIZONTAL);
        bottom->Add(busy_indicator_, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
        bottom->Add(busy_text_, wxSizerFlags(1).CentreVertical());
        bottom->Add(close_button_, wxSizerFlags().CentreVertical());

        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(book_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
        outer->Add(bottom, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
        SetSizer(outer);
        SetMinClientSize(FromDIP(wxSize(720, 540)));
        Fit();
        CentreOnParent();

        // Escape, the Close button and the title bar's close box all go through RequestClose().
        SetEscapeId(wxID_CLOSE);
        close_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RequestClose(); });
        Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
            if (!event.CanVeto()) {
                event.Skip();
                return;
            }
            event.Veto();
            RequestClose();
        });
        Bind(EVT_KEY_ENTRY_CHANGED, [this](wxCommandEvent&) { OnKeyEdited(); });
        Bind(EVT_KEY_ENTRY_SUBMIT, [this](wxCommandEvent&) { api_keys_->GetCheckPanel()->StartTest(); });
        Bind(EVT_KEY_CHECK_STATE, [this](wxCommandEvent& event) {
            OnCheckStateChanged(static_cast<KeyCheckPanel::State>(event.GetInt()));
        });

        ShowCategory(first_category);
        Load();
    }

    bool WroteSomething() const { return wrote_; }

  private:
    // ---- loading ----
    void Load() {
        SetBusy(EditorState::loading, _("Reading the stored key…"));
        storage_task_.start<EditorLoad>(
            [dir = config_dir_](const net::CancelTokenPtr&) { return load_editor_state(dir); },
            [this](EditorLoad state) { ShowLoaded(state); },
            [this](std::string problem) {
                SetIdle(EditorState::unloaded);
                api_keys_->ShowNotice(NoticeKind::danger, wxString::FromUTF8(problem));
            });
    }

    void ShowLoaded(const EditorLoad& state) {
        const bool found = state.stored.state == settings::SecretReadState::found;
        stored_key_ = found ? state.stored.key : std::string();
        stored_location_ = wxString::FromUTF8(state.stored.location);
        original_ = state.settings;
        network_->Load(state.settings);
        api_keys_->GetKeyField()->SetKeyText(stored_key_);
        api_keys_->ShowStorage(stored_location_, found);
        if (state.stored.state == settings::SecretReadState::unavailable ||
            state.stored.state == settings::SecretReadState::failed) {
            api_keys_->ShowNotice(NoticeKind::warning,
                                  wxString::Format(_("The stored key could not be read: %s"),
                                                   person_words(state.stored.message)));
        } else if (!state.warnings.empty()) {
            api_keys_->ShowNotice(NoticeKind::warning, JoinLines(state.warnings));
        } else if (const std::string environment = core::environment_key_override(stored_key_);
                   found && !environment.empty()) {
            // Editing the stored key changes nothing for tools that read OPENAI_API_KEY: say so.
            api_keys_->ShowNotice(NoticeKind::info,
                                  EnvironmentKeyOverrideText(environment, core::mask_key(stored_key_)));
        }
        SetIdle(EditorState::editing);
    }

    // ---- editing and testing ----
    std::optional<KeyCheckJob> MakeKeyCheckJob() {
        // The settings as edited, resolved like every other check (core/key_setup.h).
        settings::AppSettings edited = original_;
        network_->ApplyTo(edited);
        const Options options = app_options(config_dir_);
        return KeyFieldCheckJob(this, options, edited, stored_key_, api_keys_->GetKeyField()->GetKeyText());
    }

    // A test result belongs to the text and endpoint it was made with: any edit makes it stale.
    void OnKeyEdited() { ForgetTest(); }
    void OnNetworkEdited() { ForgetTest(); }

    void ForgetTest() {
        tested_.reset();
        if (state_ == EditorState::closing_after_test) {
            state_ = EditorState::editing;
        }
        KeyCheckPanel* check = api_keys_->GetCheckPanel();
        if (check->GetState() != KeyCheckPanel::State::ready) {
            check->Reset();
        }
    }

    void OnCheckStateChanged(KeyCheckPanel::State state) {
        if (state == KeyCheckPanel::State::testing) {
            return;
        }
        tested_ = api_keys_->GetCheckPanel()->GetOutcome();  // nullopt after a cancel or a reset
        if (state_ == EditorState::closing_after_test) {
            state_ = EditorState::editing;
            if (tested_) {
                // After the panel has finished its own update.
                CallAfter([this] { RequestClose(); });
            }
        }
    }

    // ---- closing: the rules are in editor_close_flow.h ----
    void RequestClose() {
        if (Busy()) {
            return;
        }
        if (state_ == EditorState::unloaded) {
            EndModal(wxID_CLOSE);
            return;
        }
        KeyCheckPanel* check = api_keys_->GetCheckPanel();
        if (check->IsTesting()) {
            state_ = EditorState::closing_after_test;  // unless the person cancels the test
            ShowCategory(EditorCategory::api_keys);
            return;
        }
        const bool changed = key_field_changed(stored_key_, api_keys_->GetKeyField()->GetKeyText());
        switch (next_key_close_step(changed, tested_)) {
            case KeyCloseStep::keep_stored_key:
                CloseWithStoredKey();
                break;
            case KeyCloseStep::test_new_key:
                TestBeforeClosing();
                break;
            case KeyCloseStep::save_new_key:
                SaveAndClose(true);
                break;
            case KeyCloseStep::ask_what_to_do:
                ShowCategory(EditorCategory::api_keys);
                switch (AskAboutRejectedKey(this, *tested_, !stored_key_.empty())) {
                    case RejectedKeyChoice::go_back:
                        api_keys_->GetKeyField()->SetFocusToField();
                        break;
                    case RejectedKeyChoice::keep_previous:
                        SaveAndClose(false);
                        break;
                    case RejectedKeyChoice::save_anyway:
                        SaveAndClose(true);
                        break;
                }
                break;
            case KeyCloseStep::return_to_editor:
                break;
        }
    }

    // The field holds the stored key (or none): changed network settings are tested with it first.
    void CloseWithStoredKey() {
        settings::AppSettings edited = original_;
        network_->ApplyTo(edited);
        switch (next_network_close_step(!stored_key_.empty(), endpoint_settings_changed(original_, edited),
                                        tested_)) {
            case NetworkCloseStep::save_untested:
                SaveAndClose(false);
                break;
            case NetworkCloseStep::test_stored_key:
                TestBeforeClosing();
                break;
            case NetworkCloseStep::save_tested:
                SaveAndClose(false, tested_);
                break;
            case NetworkCloseStep::ask_what_to_do:
                // The result stays on screen behind the question, and after it when the person goes back.
                ShowCategory(EditorCategory::api_keys);
                if (AskAboutFailedNetworkTest(this, *tested_) == NetworkTestChoice::save_anyway) {
                    SaveAndClose(false, tested_);
                } else {
                    api_keys_->GetCheckPanel()->GetResultPanel()->FocusVerdict();
                }
                break;
            case NetworkCloseStep::return_to_editor:
                break;
        }
    }

    // Tests the field's text with the edited settings; the editor closes (or asks) when the result is in.
    void TestBeforeClosing() {
        KeyCheckPanel* check = api_keys_->GetCheckPanel();
        ShowCategory(EditorCategory::api_keys);
        state_ = EditorState::closing_after_test;
        check->StartTest();
        if (!check->IsTesting()) {
            state_ = EditorState::editing;
        }
    }

    // `stored_key_test`: the stored key's test with the edited settings, recorded as its last check.
    void SaveAndClose(bool with_new_key, std::optional<net::KeyCheckOutcome> stored_key_test = std::nullopt) {
        EditorChanges changes;
        if (network_->DiffersFrom(original_)) {
            settings::AppSettings edited = original_;
            network_->ApplyTo(edited);
            changes.network = edited;
        }
        if (!with_new_key) {
            changes.key_test = changes.network ? stored_key_test : std::nullopt;
            WriteChanges(std::move(changes));
            return;
        }
        const net::KeyLintResult& lint = api_keys_->GetKeyField()->GetLint();
        changes.new_key = lint.ok() ? lint.key : api_keys_->GetKeyField()->GetKeyText();
        changes.key_test = tested_;
        SetBusy(EditorState::storing, _("Saving…"));
        storage_task_.start<KeyDestination>(
            [dir = config_dir_](const net::CancelTokenPtr&) { return find_key_destination(dir); },
            [this, changes](KeyDestination destination) mutable {
                SetIdle(EditorState::editing);
                if (destination.keyring_unavailable) {
                    switch (AskAboutKeyringFallback(this, person_words(*destination.keyring_unavailable),
                                                    wxString::FromUTF8(destination.file_location))) {
                        case KeyringFallbackChoice::save_to_file:
                            changes.backend = settings::SecretBackend::file;
                            break;
                        case KeyringFallbackChoice::go_back:
                            return;
                        case KeyringFallbackChoice::dont_save:
                            changes.new_key.reset();
                            break;
                    }
                }
                WriteChanges(std::move(changes));
            },
            [this](std::string problem) { ShowSaveProblem(wxString::FromUTF8(problem)); });
    }

    void WriteChanges(EditorChanges changes) {
        if (!changes.new_key && !changes.network) {
            EndModal(wrote_ ? wxID_OK : wxID_CLOSE);
            return;
        }
        SetBusy(EditorState::storing, _("Saving…"));
        const std::optional<std::string> new_key = changes.new_key;
        storage_task_.start<EditorSaveResult>(
            [dir = config_dir_, changes = std::move(changes)](const net::CancelTokenPtr&) {
                return save_editor_changes(dir, changes);
            },
            [this, new_key](EditorSaveResult result) {
                if (result.key_saved) {
                    stored_key_ = *new_key;  // a retry must not save it twice
                    wrote_ = true;
                }
                if (!result.status.ok) {
                    ShowSaveProblem(person_words(result.status.message));
                    return;
                }
                wrote_ = true;
                EndModal(wxID_OK);
            },
            [this](std::string problem) { ShowSaveProblem(wxString::FromUTF8(problem)); });
    }

    void ShowSaveProblem(const wxString& problem) {
        SetIdle(EditorState::editing);
        ShowCategory(EditorCategory::api_keys);
        api_keys_->ShowNotice(NoticeKind::danger,
                              wxString::Format(_("Nothing was lost, but saving failed: %s"), problem));
    }

    // ---- forgetting ----
    void ForgetKey() {
        if (Busy() || !ConfirmForgetKey(this, stored_location_)) {
            return;
        }
        const EditorState after = state_;
        SetBusy(EditorState::storing, _("Removing the key…"));
        storage_task_.start<settings::StorageStatus>(
            [dir = config_dir_](const net::CancelTokenPtr&) { return forget_stored_key(dir); },
            [this, after](settings::StorageStatus status) {
                SetIdle(after);
                if (!status.ok) {
                    api_keys_->ShowNotice(NoticeKind::danger, person_words(status.message));
                    return;
                }
                wrote_ = true;
                // A new key typed but not saved yet stays in the field: only the stored one is forgotten.
                const bool field_held_stored_key =
                    !key_field_changed(stored_key_, api_keys_->GetKeyField()->GetKeyText());
                stored_key_.clear();
                api_keys_->ShowStorage(wxString(), false);
                if (field_held_stored_key) {
                    api_keys_->GetKeyField()->ClearKey();
                }
                api_keys_->ShowNotice(NoticeKind::success, person_words(status.message));
            },
            [this, after](std::string problem) {
                SetIdle(after);
                api_keys_->ShowNotice(NoticeKind::danger, wxString::FromUTF8(problem));
            });
    }

    // ---- state shown ----
    bool Busy() const { return state_ == EditorState::loading || state_ == EditorState::storing; }

    void SetBusy(EditorState busy, const wxString& what) {
        state_ = busy;
        book_->Enable(false);
        close_button_->Enable(false);
        busy_indicator_->Show();
        busy_indicator_->Start();
        busy_text_->SetLabel(what);
        Layout();
    }

    void SetIdle(EditorState idle) {
        state_ = idle;
        book_->Enable(true);
        close_button_->Enable(true);
        busy_indicator_->Stop();
        busy_indicator_->Hide();
        busy_text_->SetLabel(wxString());
        Layout();
    }

    void ShowCategory(EditorCategory category) {
        book_->SetSelection(category == EditorCategory::api_keys ? 0 : 1);
    }

    std::filesystem::path config_dir_;
    wxTreebook* book_ = nullptr;
    EditorApiKeysPage* api_keys_ = nullptr;
    EditorNetworkPage* network_ = nullptr;
    wxActivityIndicator* busy_indicator_ = nullptr;
    wxStaticText* busy_text_ = nullptr;
    wxButton* close_button_ = nullptr;

    EditorState state_ = EditorState::loading;
    bool wrote_ = false;      // something was saved or forgotten: what the editor returns
    std::string stored_key_;  // what the field is compared with; empty when none is stored
    wxString stored_location_;
    settings::AppSettings original_;
    std::optional<net::KeyCheckOutcome> tested_;  // the test of the field's current text and endpoint
    // Last member: destroyed first, so a worker is joined while everything it reports to still exists.
    BackgroundTask storage_task_;
};

}  // namespace

bool ShowConfigurationEditor(wxWindow* parent, const std::filesystem::path& config_dir,
                             EditorCategory first_category) {
    ConfigurationEditor editor(parent, config_dir, first_category);
    editor.ShowModal();
    return editor.WroteSomething();
}

}  // namespace keywizard::ui
