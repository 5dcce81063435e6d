#pragma once
#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

#include <keywizard/wx.h>

#include "background_calls.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

// Settings -> Connection: the endpoint settings keywizard keeps for this app (base URL, organization,
// project, CA file, proxy), read with saved_settings and saved with save_settings. Each field says when the
// environment overrides it. A new base URL is tested with the stored key before it is saved, after asking:
// the key only goes where the person agreed to send it.
class ConnectionPage : public wxPanel {
  public:
    ConnectionPage(wxWindow* parent, const keywizard::Options& options);

  private:
    struct Field {
        wxTextCtrl* text = nullptr;
        wxStaticText* override_note = nullptr;  // "Overridden by OPENAI_BASE_URL: …"
        std::string keywizard::SavedSettings::*value = nullptr;
        keywizard::Setting keywizard::Endpoint::*in_use = nullptr;
    };

    void Load();
    keywizard::SavedSettings Edited() const;
    void Save();
    void SaveAfterTest(const keywizard::SavedSettings& edited, const keywizard::CheckResult& result);
    void Store(const keywizard::SavedSettings& edited, std::optional<keywizard::CheckResult> checked);
    void ShowStatus(const wxString& text);

    keywizard::Options options_;
    keywizard::SavedSettings saved_;
    std::vector<Field> fields_;
    wxButton* save_button_ = nullptr;
    wxStaticText* status_ = nullptr;
    BackgroundCalls background_{this};
    keywizard::CheckHandle check_;
};
