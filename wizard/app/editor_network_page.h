#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "core/rules.h"

class wxFilePickerCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace keywizard::ui {

// Configuration Editor -> Network: where checks go and how (base URL, organization, project, proxy, CA
// file, timeout) and which models the key must reach. Edits stay in the fields until the editor closes.
class EditorNetworkPage : public wxPanel {
  public:
    EditorNetworkPage(wxWindow* parent, std::function<void()> on_changed);

    void Load(const settings::AppSettings& settings);
    void ApplyTo(settings::AppSettings& settings) const;
    bool DiffersFrom(const settings::AppSettings& settings) const;

    // What a Test key from the editor uses: the fields as they are now, saved or not.
    net::Endpoint CurrentEndpoint() const;
    std::vector<std::string> CurrentRequiredModels() const;

  private:
    void OnFieldChanged();
    void ShowEndpointProblem();

    std::function<void()> on_changed_;
    bool loading_ = false;
    struct TextField {
        std::string settings::AppSettings::*value;
        wxTextCtrl* text;
    };
    std::vector<TextField> text_fields_;  // base URL, organization, project, proxy
    wxFilePickerCtrl* ca_file_ = nullptr;
    wxSpinCtrl* timeout_ = nullptr;
    wxTextCtrl* required_models_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

}  // namespace keywizard::ui
