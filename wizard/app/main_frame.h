#pragma once

#include <wx/frame.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "keywizard/core.h"
#include "wizard/app/app_options.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/widgets/background_task.h"
#include "wizard/widgets/key_check_panel.h"

class wxInfoBar;
class wxMenuBar;
class wxUpdateUIEvent;

namespace keywizard::ui {

// What the main window shows about the stored key, read through the public API on a worker (keyring calls
// block): the masked key only, never the key.
struct KeyView {
    StoredKeyInfo key;
    std::vector<std::string> settings_warnings;  // e.g. a corrupt settings.json that was moved aside
    Endpoint endpoint;                           // where Test key sends the key now
    bool recheck_due = false;                    // first load only: recheck_due()
    bool needs_setup = false;                    // first load only: needs_setup()
};

class KeyCheckPanel;
class KeyStatusPanel;

// The host app's window: menus (File, Edit, Settings, Help), the stored key's state and Test key, and the
// first-run launch of the wizard. Storage is only touched on a worker thread.
class MainFrame : public wxFrame {
  public:
    MainFrame(std::filesystem::path config_dir, AppOptions options);

  private:
    wxMenuBar* CreateMenus();
    void BindCommands();

    // Intentions: each event handler calls one of these.
    void ReloadKeyState();
    std::optional<KeyCheckJob> MakeStoredKeyCheck();
    void ShowKeyState(const KeyView& view);
    void GrowToFitContent();
    void RunSetupWizard(bool first_run, bool at_paste_step = false);
    // Test key of a stored key whose endpoint changed: asks before sending it there.
    std::optional<std::optional<std::string>> ConfirmEndpoint();
    void StartBackgroundRecheck();
    void OnBackgroundRecheck(const net::KeyCheckOutcome& outcome);
    void ShowInfo(const wxString& text, int flags);
    void OpenConfigurationEditor(EditorCategory first_category);
    void ShowAbout();
    void ForwardToFocusedText(int command_id);
    void UpdateEditCommand(wxUpdateUIEvent& event);
    void ShowStartView();

    std::filesystem::path config_dir_;
    AppOptions options_;
    bool first_load_done_ = false;
    bool dialog_open_ = false;  // a wizard or the editor is up: no second one from a queued event

    wxInfoBar* info_bar_ = nullptr;
    KeyStatusPanel* status_panel_ = nullptr;
    KeyCheckPanel* check_panel_ = nullptr;
    KeyView shown_;  // the last state shown: its endpoint for Test key and its diagnostics
    // Last member: destroyed first, so a worker is joined while everything it reports to still exists.
    BackgroundTask storage_task_;
    BackgroundTask recheck_task_;
};

}  // namespace keywizard::ui
