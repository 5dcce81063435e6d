#include "wizard/pages/advanced_endpoint_pane.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/rules.h"
#include "wizard/widgets/translate.h"
#include "wizard/widgets/wrapped_text.h"

wxDEFINE_EVENT(keywizard::ui::EVT_ENDPOINT_FIELDS_CHANGED, wxCommandEvent);

namespace keywizard::ui {
namespace {

std::string trimmed(const wxString& text) {
    wxString copy = text;
    copy.Trim(true).Trim(false);
    return copy.utf8_string();
}

}  // namespace

AdvancedEndpointPane::AdvancedEndpointPane(wxWindow* parent, int width_dip)
    : wxCollapsiblePane(parent, wxID_ANY, _("Advanced connection settings"), wxDefaultPosition, wxDefaultSize,
                        wxCP_DEFAULT_STYLE | wxCP_NO_TLW_RESIZE, wxDefaultValidator, "advanced_pane") {
    wxWindow* pane = GetPane();
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    AddField(grid, _("Base URL:"), wxString::FromUTF8(core::default_base_url), "advanced_base_url",
             &EndpointFields::base_url);
    AddField(grid, _("Organization:"), _("optional, org-..."), "advanced_organization",
             &EndpointFields::organization);
    AddField(grid, _("Project:"), _("optional, proj_..."), "advanced_project", &EndpointFields::project);
    wxTextCtrl* ca_file = AddField(grid, _("CA file:"), _("the system's certificates"), "advanced_ca_file",
                                   &EndpointFields::ca_file);
    // The CA file's row has a Browse button beside the field.
    auto* browse = new wxButton(pane, wxID_ANY, tr_utf8("&Browse…"), wxDefaultPosition, wxDefaultSize,
                                wxBU_EXACTFIT, wxDefaultValidator, "advanced_ca_browse");
    browse->Bind(wxEVT_BUTTON, [this, ca_file](wxCommandEvent&) { BrowseCaFile(ca_file); });
    wxSizer* ca_row = ca_file->GetContainingSizer();
    ca_row->Add(browse, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    AddField(grid, _("Proxy:"), _("from the environment (HTTPS_PROXY)"), "advanced_proxy",
             &EndpointFields::proxy);

    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(pane, wxID_ANY, wxString());
    set_wrapped_text(note,
                     _("Only needed behind a company proxy, with a custom CA, or for a compatible server. "
                       "They are saved with the key."),
                     FromDIP(width_dip - 16));
    column->Add(note, 0, wxBOTTOM, FromDIP(6));
    column->Add(grid, 0, wxEXPAND);
    column->SetMinSize(FromDIP(wxSize(width_dip - 16, -1)));
    pane->SetSizer(column);

    pane->Enable(IsExpanded());
    Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent& event) {
        GetPane()->Enable(IsExpanded());
        event.Skip();
    });
}

void AdvancedEndpointPane::Collapse(bool collapse) {
    wxCollapsiblePane::Collapse(collapse);
    GetPane()->Enable(!collapse);
}

wxTextCtrl* AdvancedEndpointPane::AddField(wxSizer* grid, const wxString& label, const wxString& hint,
                                           const wxString& name, std::string EndpointFields::*value) {
    wxWindow* pane = GetPane();
    grid->Add(new wxStaticText(pane, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* text = new wxTextCtrl(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, name);
    text->SetHint(hint);
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        edited_ = true;
        wxCommandEvent changed(EVT_ENDPOINT_FIELDS_CHANGED, GetId());
        changed.SetEventObject(this);
        ProcessWindowEvent(changed);
    });
    // In a row of its own, so a button can go beside it.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL);
    grid->Add(row, 1, wxEXPAND);
    fields_.push_back({value, text});
    return text;
}

EndpointFields AdvancedEndpointPane::GetFields() const {
    EndpointFields fields;
    for (const Field& field : fields_) {
        fields.*field.value = trimmed(field.text->GetValue());
    }
    return fields;
}

void AdvancedEndpointPane::SetFields(const EndpointFields& fields, bool overwrite_edited) {
    if (edited_ && !overwrite_edited) {
        return;
    }
    for (const Field& field : fields_) {
        const std::string& value = fields.*field.value;
        // The default base URL is the field's hint: shown as an empty field.
        const bool is_default = field.value == &EndpointFields::base_url && value == core::default_base_url;
        field.text->ChangeValue(wxString::FromUTF8(is_default ? std::string() : value));
    }
}

void AdvancedEndpointPane::BrowseCaFile(wxTextCtrl* ca_file) {
    wxFileDialog dialog(this, _("Choose a CA certificate file"), wxString(), ca_file->GetValue(),
                        _("Certificates (*.pem;*.crt)|*.pem;*.crt|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) {
        ca_file->SetValue(dialog.GetPath());  // SetValue: counts as an edit
    }
}

}  // namespace keywizard::ui
