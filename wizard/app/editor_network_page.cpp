#include "wizard/app/editor_network_page.h"

#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <algorithm>

#include "core/rules.h"
#include "wizard/app/check_settings.h"
#include "wizard/app/editor_close_flow.h"
#include "wizard/widgets/readable_colours.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
namespace {

constexpr int max_timeout_seconds = 300;

std::string TrimmedUtf8(const wxString& text) {
    wxString copy = text;
    copy.Trim(true).Trim(false);
    return copy.utf8_string();
}

std::vector<std::string> ModelsIn(const wxString& text) {
    std::vector<std::string> models;
    wxStringTokenizer lines(text, "\n,", wxTOKEN_STRTOK);
    while (lines.HasMoreTokens()) {
        const std::string model = TrimmedUtf8(lines.GetNextToken());
        if (!model.empty()) {
            models.push_back(model);
        }
    }
    return models;
}

wxString LinesOf(const std::vector<std::string>& models) {
    wxString text;
    for (const std::string& model : models) {
        if (!text.empty()) {
            text += "\n";
        }
        text += wxString::FromUTF8(model);
    }
    return text;
}

}  // namespace

EditorNetworkPage::EditorNetworkPage(wxWindow* parent, std::function<void()> on_changed)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "network_page"),
      on_changed_(std::move(on_changed)) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 4)));
    grid->AddGrowableCol(1);

    // One row: caption, field, and under the field a grey line saying what empty means.
    const auto add_row = [&](const wxString& caption, wxWindow* field, const wxString& note,
                             int proportion = 0) {
        grid->Add(new wxStaticText(this, wxID_ANY, caption),
                  wxSizerFlags().Top().Border(wxTOP, FromDIP(proportion ? 4 : 6)));
        auto* column = new wxBoxSizer(wxVERTICAL);
        // A number needs no full-width field: only text fields stretch.
        column->Add(field, field == timeout_ ? wxSizerFlags() : wxSizerFlags(proportion).Expand());
        auto* note_text = new wxStaticText(this, wxID_ANY, note);
        make_secondary_text(note_text);
        note_text->SetFont(note_text->GetFont().Smaller());
        column->Add(note_text, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
        grid->Add(column, wxSizerFlags(1).Expand());
        if (proportion) {
            grid->AddGrowableRow(grid->GetEffectiveRowsCount() - 1);
        }
    };

    // The text fields: settings.json's value each edits, its name, hint, and what empty means.
    struct TextField {
        std::string settings::AppSettings::*value;
        const char* name;
        wxString caption, hint, note;
    };
    const TextField text_fields[] = {
        {&settings::AppSettings::base_url, "base_url", _("Base URL:"), core::default_base_url,
         _("Empty: https://api.openai.com/v1. Only https, or http to this computer.")},
        {&settings::AppSettings::organization, "organization", _("Organization:"), "org-…",
         _("Optional: sent as OpenAI-Organization.")},
        {&settings::AppSettings::project, "project", _("Project:"), "proj_…",
         _("Optional: sent as OpenAI-Project.")},
        {&settings::AppSettings::proxy, "proxy", _("Proxy:"), "http://proxy.example:3128",
         _("Empty: the https_proxy and no_proxy environment variables.")},
    };
    for (const TextField& field : text_fields) {
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, field.name);
        text->SetHint(field.hint);
        add_row(field.caption, text, field.note);
        text_fields_.push_back({field.value, text});
    }

    ca_file_ = new wxFilePickerCtrl(
        this, wxID_ANY, wxString(), _("Choose a CA certificate file"),
        _("PEM certificates (*.pem;*.crt)|*.pem;*.crt|All files|*"), wxDefaultPosition, wxDefaultSize,
        wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL, wxDefaultValidator, "ca_file");
    add_row(_("CA file:"), ca_file_, _("Empty: the system's certificate store."));

    timeout_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(140, -1)),
                              wxSP_ARROW_KEYS, 1, max_timeout_seconds, 30, "timeout");
    add_row(_("Timeout (seconds):"), timeout_, _("How long one check may take in total."));

    required_models_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 64)),
                                      wxTE_MULTILINE, wxDefaultValidator, "required_models");
    add_row(_("Required models:"), required_models_,
            _("One model id per line, e.g. gpt-4o-mini. A key that cannot see one of them is \"limited\"."),
            1);

    problem_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "network_problem");
    make_error_text(problem_);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    outer->Add(problem_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(outer);

    for (const auto& field : text_fields_) {
        field.text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { OnFieldChanged(); });
    }
    required_models_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { OnFieldChanged(); });
    ca_file_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) { OnFieldChanged(); });
    timeout_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { OnFieldChanged(); });
}

void EditorNetworkPage::Load(const settings::AppSettings& settings) {
    loading_ = true;
    for (const auto& field : text_fields_) {
        field.text->ChangeValue(wxString::FromUTF8(settings.*field.value));
    }
    ca_file_->SetPath(wxString::FromUTF8(settings.ca_file));
    timeout_->SetValue(std::clamp(settings.timeout_seconds, 1, max_timeout_seconds));
    required_models_->ChangeValue(LinesOf(settings.required_models));
    loading_ = false;
    ShowEndpointProblem();
}

void EditorNetworkPage::ApplyTo(settings::AppSettings& settings) const {
    for (const auto& field : text_fields_) {
        settings.*field.value = TrimmedUtf8(field.text->GetValue());
    }
    settings.ca_file = TrimmedUtf8(ca_file_->GetPath());
    settings.timeout_seconds = timeout_->GetValue();
    settings.required_models = CurrentRequiredModels();
}

bool EditorNetworkPage::DiffersFrom(const settings::AppSettings& settings) const {
    settings::AppSettings edited = settings;
    ApplyTo(edited);
    return endpoint_settings_changed(settings, edited) ||
           edited.timeout_seconds != settings.timeout_seconds ||
           edited.required_models != settings.required_models;
}

net::Endpoint EditorNetworkPage::CurrentEndpoint() const {
    settings::AppSettings edited;
    ApplyTo(edited);
    return endpoint_for(edited);
}

std::vector<std::string> EditorNetworkPage::CurrentRequiredModels() const {
    return ModelsIn(required_models_->GetValue());
}

void EditorNetworkPage::OnFieldChanged() {
    if (loading_) {
        return;
    }
    ShowEndpointProblem();
    if (on_changed_) {
        on_changed_();
    }
}

void EditorNetworkPage::ShowEndpointProblem() {
    const auto problem = core::endpoint_problem(CurrentEndpoint());
    problem_->SetLabel(problem ? person_words(*problem) : wxString());
    problem_->Wrap(GetClientSize().x > 0 ? GetClientSize().x - FromDIP(24) : FromDIP(420));
    Layout();
}

}  // namespace keywizard::ui
