#include "wizard/app/key_status_panel.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "wizard/app/app_ids.h"
#include "wizard/widgets/key_hygiene.h"
#include "wizard/widgets/status_icons.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
namespace {

wxString StatusWord(const std::string& status) {
    if (status == "valid") {
        return _("Valid");
    }
    if (status == "rejected") {
        return _("Rejected");
    }
    if (status == "limited") {
        return _("Limited");
    }
    if (status == "unverified") {
        return _("Could not verify");
    }
    return wxString::FromUTF8(status);
}

// settings.json keeps UTC ("2024-05-01T12:34:56Z"); people read local time, in an order no locale can
// make ambiguous.
wxString LocalTimeOf(const std::string& utc_iso8601) {
    wxString text = wxString::FromUTF8(utc_iso8601);
    text.EndsWith("Z", &text);
    wxDateTime when;
    if (!when.ParseISOCombined(text, 'T')) {
        return wxString::FromUTF8(utc_iso8601);
    }
    when.MakeFromTimezone(wxDateTime::UTC);
    return when.Format("%Y-%m-%d %H:%M");
}

wxStaticText* AddDetailRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label,
                           const wxString& name) {
    auto* caption = new wxStaticText(parent, wxID_ANY, label);
    auto* value = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxST_NO_AUTORESIZE | wxST_ELLIPSIZE_MIDDLE, name);
    grid->Add(caption, wxSizerFlags().CentreVertical());
    grid->Add(value, wxSizerFlags(1).Expand().CentreVertical());
    return value;
}

}  // namespace

wxString DescribeLastCheck(const StoredKeyInfo& key) {
    if (key.last_check_status.empty()) {
        return _("Never checked");
    }
    wxString text = StatusWord(key.last_check_status);
    if (!key.last_check_reason.empty() && key.last_check_reason != "ok") {
        text += " (" + wxString::FromUTF8(key.last_check_reason) + ")";
    }
    if (!key.last_check_time.empty()) {
        text += ", " + LocalTimeOf(key.last_check_time);
    }
    return text;
}

KeyStatusPanel::KeyStatusPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("key_status");
    auto* title = new wxStaticText(this, wxID_ANY, _("OpenAI API key"));
    title->SetFont(title->GetFont().Bold().Scaled(1.4f));

    status_icon_ = new wxStaticBitmap(this, wxID_ANY, status_icon_bundle(StatusIcon::info, 24));
    headline_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "key_headline");
    headline_->SetFont(headline_->GetFont().Bold());
    explanation_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "key_explanation");

    environment_notice_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                           "environment_key_notice");
    environment_notice_->Hide();

    auto* headline_row = new wxBoxSizer(wxHORIZONTAL);
    headline_row->Add(status_icon_, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
    headline_row->Add(headline_, wxSizerFlags().CentreVertical());

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 6)));
    grid->AddGrowableCol(1);
    masked_key_ = AddDetailRow(this, grid, _("Key:"), "masked_key");
    location_ = AddDetailRow(this, grid, _("Stored in:"), "key_location");
    last_check_ = AddDetailRow(this, grid, _("Last check:"), "last_check");
    details_ = grid;

    check_area_ = new wxBoxSizer(wxVERTICAL);

    setup_button_ = new wxButton(this, ID_SETUP_KEY, _("Set up OpenAI API key…"));
    auto* editor_button = new wxButton(this, wxID_PREFERENCES, _("Configuration Editor…"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(setup_button_, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(editor_button, wxSizerFlags());

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(title, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
    column->Add(headline_row, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    column->Add(explanation_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(12)));
    column->Add(environment_notice_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(12)));
    column->Add(grid, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(4)));
    column->Add(check_area_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    column->Add(buttons, wxSizerFlags().Border(wxTOP, FromDIP(12)));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(column, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(20)));
    SetSizer(outer);
    ShowLoading();
}

void KeyStatusPanel::ShowHeadline(StatusIcon icon, const wxString& headline, const wxString& explanation) {
    set_status_icon(status_icon_, icon, 24);
    headline_->SetLabel(headline);
    explanation_->SetLabel(explanation);
    explanation_->Wrap(FromDIP(460));
}

void KeyStatusPanel::ShowConfiguredHeadline(const std::string& last_check_status) {
    // The headline agrees with the last check: no green "Configured" beside "Could not verify".
    if (last_check_status == "unverified") {
        ShowHeadline(StatusIcon::warning, _("Configured, not verified"),
                     tr_utf8("This app has an OpenAI API key, but the last test could not reach OpenAI. "
                             "Test it again here, or check the network settings in Settings → "
                             "Configuration Editor."));
    } else if (last_check_status == "rejected") {
        ShowHeadline(StatusIcon::danger, _("Configured, but rejected"),
                     _("OpenAI rejected the stored key at the last test. Run the setup wizard again to save "
                       "a key that works."));
    } else if (last_check_status == "limited") {
        ShowHeadline(StatusIcon::warning, _("Configured, with limits"),
                     _("The stored key works, but the last test found it cannot do everything the app "
                       "needs. See Last check."));
    } else {
        ShowHeadline(StatusIcon::success, _("Configured"),
                     _("This app has an OpenAI API key. Test it here, or change it in Settings → "
                       "Configuration Editor."));
    }
}

void KeyStatusPanel::ShowLoading() {
    ShowHeadline(StatusIcon::info, _("Reading the stored key…"), wxString());
    GetSizer()->Show(details_, false, true);
    Layout();
}

void KeyStatusPanel::ShowState(const StoredKeyInfo& key) {
    if (key.stored) {
        ShowConfiguredHeadline(key.last_check_status);
    } else if (key.problem.empty()) {
        ShowHeadline(StatusIcon::warning, _("Not configured"),
                     _("No OpenAI API key is stored yet. The setup wizard shows how to create one and "
                       "tests it before saving it."));
    } else {
        ShowHeadline(StatusIcon::danger, _("Cannot read the key"), wxString::FromUTF8(key.problem));
    }
    environment_notice_->SetLabel(
        key.environment_key_masked.empty()
            ? wxString()
            : EnvironmentKeyOverrideText(key.environment_key_masked, key.stored ? key.masked_key : ""));
    environment_notice_->Wrap(FromDIP(460));
    environment_notice_->Show(!key.environment_key_masked.empty());
    masked_key_->SetLabel(key.stored ? wxString::FromUTF8(key.masked_key) : _("None"));
    location_->SetLabel(key.stored ? wxString::FromUTF8(key.location) : _("Nowhere yet"));
    last_check_->SetLabel(key.stored ? DescribeLastCheck(key) : wxString("—"));
    masked_key_->SetToolTip(masked_key_->GetLabel());
    location_->SetToolTip(location_->GetLabel());
    setup_button_->SetLabel(key.stored ? _("Run the setup wizard again…") : _("Set up OpenAI API key…"));
    GetSizer()->Show(details_, true, true);
    Layout();
}

}  // namespace keywizard::ui
