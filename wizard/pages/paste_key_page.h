#pragma once

#include <optional>
#include <string>

#include "wizard/pages/wizard_page_base.h"
#include "wizard/pages/wizard_storage.h"
#include "wizard/widgets/background_task.h"
#include "wizard/widgets/key_check_panel.h"

class wxActivityIndicator;
class wxCheckBox;
class wxPanel;
class wxRadioButton;
class wxStaticText;

namespace keywizard::ui {

class AdvancedEndpointPane;
class KeyCheckPanel;
class KeyEntryField;
class NoticeBox;

// Paste and test: the key field, Test key with its result, Advanced settings; Next saves the tested key.
// Next stays disabled until the text in the field tested valid (or, for missing_scope, "Save anyway" is
// ticked); any edit of the key or the Advanced fields takes that back. Saving runs on a worker thread; when
// the keyring cannot be used the page asks: a plain-text file readable only by you, or don't save.
// Child window names: key_entry (and its parts), key_check (and its parts), save_anyway, scope_warning,
// storage_box, storage_file, storage_none, saving_activity, save_status, save_error, advanced_pane.
class PasteKeyPage : public WizardPageBase {
  public:
    explicit PasteKeyPage(KeyWizardDialog& wizard);
    ~PasteKeyPage() override;

    bool CanGoForward() const override;
    bool CanGoBack() const override { return !IsSaving(); }
    bool HandleEscape() override;
    void OnShown(bool forward) override;

    void OnStartFactsKnown() override;

    KeyEntryField* GetKeyField() const { return key_field_; }
    KeyCheckPanel* GetCheckPanel() const { return check_panel_; }
    bool IsTesting() const;
    bool IsSaving() const { return save_task_.running(); }
    void CancelTest();

  private:
    // What Enter does once the key tested fine: press Next (which saves and goes on). False when it may not.
    bool GoOnIfTested();
    std::optional<KeyCheckJob> MakeJob();
    void OnInputChanged();
    void OnCheckStateChanged();
    void OnPageChanging(wxWizardEvent& event);
    void OnCancelRequested(wxWizardEvent& event);
    void StartSaving();
    void OnSaved(const SaveKeyResult& result);
    // The host's options with the Advanced fields the person typed (needs the start facts).
    Options CheckOptions() const;
    void ShowSaveError(const wxString& message);
    void UpdateStorageChoice();
    void UpdateState();
    bool TestedOkToSave() const;
    bool WantsFile() const;
    bool DeclinedSaving() const;

    KeyEntryField* key_field_ = nullptr;
    KeyCheckPanel* check_panel_ = nullptr;
    wxPanel* scope_box_ = nullptr;
    wxCheckBox* save_anyway_ = nullptr;
    NoticeBox* scope_warning_ = nullptr;  // restricted or read-only, as the last test found
    wxPanel* storage_box_ = nullptr;
    NoticeBox* storage_notice_ = nullptr;
    wxRadioButton* storage_file_ = nullptr;
    wxRadioButton* storage_none_ = nullptr;
    wxActivityIndicator* saving_activity_ = nullptr;
    wxStaticText* save_status_ = nullptr;
    NoticeBox* save_error_ = nullptr;
    AdvancedEndpointPane* advanced_ = nullptr;

    bool environment_key_applied_ = false;
    bool test_when_facts_known_ = false;  // the environment's key waits for the settings it is tested with
    bool saved_current_input_ = false;    // what is in the fields now was saved (Back, then Next again)
    BackgroundTask save_task_;
};

}  // namespace keywizard::ui
