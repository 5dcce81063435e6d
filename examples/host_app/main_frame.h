#pragma once
#include <wx/frame.h>

#include <keywizard/wx.h>

#include "background_calls.h"

class wxButton;
class wxPanel;
class wxStaticText;

// The host's main window: the stored key (masked), a Test key button, and the menus that open keywizard's
// windows.
class MainFrame : public wxFrame {
  public:
    explicit MainFrame(const keywizard::Options& options);

    // The setup wizard over this window; `first_run` adds "Skip for now".
    void RunSetup(bool first_run);

  private:
    void BuildMenus();
    void RefreshStoredKey();
    void ShowStoredKey(const keywizard::StoredKeyInfo& info);
    void TestKey();
    void TestStoredKey(const keywizard::Options& options);
    // Asks before the stored key goes to a base URL it was not verified at, and tests it there if so.
    void AskToSendElsewhere();
    void ShowCheckResult(const keywizard::CheckResult& result);
    void OpenConfigurationEditor();

    keywizard::Options options_;
    wxPanel* panel_ = nullptr;
    wxStaticText* stored_key_ = nullptr;
    wxStaticText* key_details_ = nullptr;
    wxButton* test_button_ = nullptr;
    wxStaticText* check_status_ = nullptr;
    BackgroundCalls background_{this};
    // Replacing or destroying it cancels the check and waits for it: its answer never outlives the window.
    keywizard::CheckHandle check_;
};
