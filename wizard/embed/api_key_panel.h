#pragma once

#include <wx/panel.h>

#include <optional>
#include <string>

#include "core/rules.h"
#include "keywizard/core.h"
#include "wizard/widgets/background_task.h"

class wxButton;
class wxCheckBox;

namespace keywizard::ui {

class EditorApiKeysPage;

// keywizard::CreateApiKeyPanel: the Configuration Editor's key page for a host's own settings dialog, with
// its own Save key button (it saves by itself, through the core: a tested key with what it was tested
// against). Window names (for tests): api_key_panel, the page's names (key_entry, key_check, ...),
// save_key_button, save_limited.
class ApiKeyPanel : public wxPanel {
  public:
    ApiKeyPanel(wxWindow* parent, Options app);

  protected:
    // Keeps room for "Save it although..." while it is hidden, as the check panel keeps room for its result.
    wxSize DoGetBestSize() const override;

  private:
    void Load();
    void Save();
    void Forget();
    void UpdateSaveButton();

    Options app_;
    settings::AppSettings settings_;
    std::string stored_key_;
    std::optional<std::string> keyring_problem_;
    std::string file_location_;
    bool busy_ = true;
    EditorApiKeysPage* page_ = nullptr;
    wxCheckBox* save_limited_ = nullptr;
    wxButton* save_button_ = nullptr;
    BackgroundTask storage_task_;  // last: joined first
};

}  // namespace keywizard::ui
