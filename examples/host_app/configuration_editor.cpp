#include "configuration_editor.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/notebook.h>
#include <wx/sizer.h>

#include <keywizard/wx.h>

#include "connection_page.h"

namespace {

class ConfigurationEditor : public wxDialog {
  public:
    ConfigurationEditor(wxWindow* parent, const keywizard::Options& options)
        : wxDialog(parent, wxID_ANY, _("Configuration Editor"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        auto* pages = new wxNotebook(this, wxID_ANY);
        // A host's own pages would go here too; keywizard's page is a child like any other.
        pages->AddPage(keywizard::CreateApiKeyPanel(pages, options), _("API Keys and Secrets"));
        // The host's own page, on keywizard's public calls for the settings it keeps.
        pages->AddPage(new ConnectionPage(pages, options), _("Connection"));

        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(pages, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
        sizer->Add(CreateSeparatedButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
        SetSizerAndFit(sizer);
        SetMinSize(FromDIP(wxSize(560, 420)));
        SetEscapeId(wxID_CLOSE);
    }
};

}  // namespace

void ShowConfigurationEditor(wxWindow* parent, const keywizard::Options& options) {
    ConfigurationEditor editor(parent, options);
    editor.ShowModal();
}
