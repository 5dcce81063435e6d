#pragma once

#include <wx/collpane.h>

#include <string>
#include <vector>

#include "wizard/pages/wizard_storage.h"

class wxTextCtrl;

namespace keywizard::ui {

// Sent (wxCommandEvent, propagates) when the person edits any field.
wxDECLARE_EVENT(EVT_ENDPOINT_FIELDS_CHANGED, wxCommandEvent);

// "Advanced", collapsed by default: base URL, organization, project, CA file, proxy. They are used by the
// test and saved with the key. Child window names: advanced_base_url, advanced_organization,
// advanced_project, advanced_ca_file, advanced_ca_browse, advanced_proxy.
class AdvancedEndpointPane : public wxCollapsiblePane {
  public:
    AdvancedEndpointPane(wxWindow* parent, int width_dip);

    EndpointFields GetFields() const;
    // Fills the fields without sending EVT_ENDPOINT_FIELDS_CHANGED; fields the person already edited are
    // left alone unless `overwrite_edited`.
    void SetFields(const EndpointFields& fields, bool overwrite_edited = false);
    bool WasEdited() const { return edited_; }

    // Collapsed, the fields are disabled as well as hidden: GTK keeps hidden children of an expander in
    // the Tab order, and typing there would silently change the base URL.
    void Collapse(bool collapse = true) override;

  private:
    // A field for one of EndpointFields' values, in a row of the grid.
    wxTextCtrl* AddField(wxSizer* grid, const wxString& label, const wxString& hint, const wxString& name,
                         std::string EndpointFields::*value);
    void BrowseCaFile(wxTextCtrl* ca_file);

    struct Field {
        std::string EndpointFields::*value;
        wxTextCtrl* text;
    };
    bool edited_ = false;
    std::vector<Field> fields_;  // in the order shown
};

}  // namespace keywizard::ui
