#include "wizard/widgets/check_result_panel.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/collpane.h>
#include <wx/dataobj.h>
#include <wx/datetime.h>
#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "core/rules.h"
#include "wizard/widgets/accessible.h"
#include "wizard/widgets/check_diagnostics.h"
#include "wizard/widgets/link_opener.h"
#include "wizard/widgets/readable_colours.h"
#include "wizard/widgets/status_icons.h"
#include "wizard/widgets/translate.h"
#include "wizard/widgets/wrapped_text.h"

wxDEFINE_EVENT(keywizard::ui::EVT_RESULT_ACTIVATED, wxCommandEvent);

namespace keywizard::ui {

namespace {

wxString translated(std::string_view english) {
    return wxGetTranslation(wxString::FromUTF8(english.data(), english.size()));
}

}  // namespace

wxString verdict_sentence(const net::KeyCheckOutcome& outcome) {
    using net::Reason;
    // The generation probe, when it ran, knows more than the reason alone says.
    if (outcome.generation.checked && outcome.reason == Reason::ok &&
        outcome.generation.reason == Reason::ok) {
        return _("This key works and can write text.");
    }
    if (outcome.generation.checked && outcome.reason == Reason::missing_scope) {
        return _("This key can list models but cannot write text.");
    }
    return translated(core::reason_row(outcome.reason).verdict);
}

wxString save_limited_warning(const net::KeyCheckOutcome& outcome) {
    if (outcome.generation.checked && outcome.reason == net::Reason::missing_scope) {
        return _(
            "This key is read-only: it can list models but cannot write text (it lacks the "
            "model.request permission). Save it only if the app does not need to write text, or change "
            "the key's permissions to All first.");
    }
    return _(
        "This is a restricted key without permission to list models, so the test could not prove it "
        "works. Save it only if you gave it the permissions the app needs on purpose.");
}

wxString remedy_label(net::Reason reason) {
    const std::string_view label = core::reason_row(reason).remedy_label;
    return label.empty() ? _("How to fix this") : translated(label);
}

CheckResultPanel::CheckResultPanel(wxWindow* parent, int wrap_width_dip, const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name),
      wrap_width_dip_(wrap_width_dip) {
    icon_ = new wxStaticBitmap(this, wxID_ANY, status_icon_bundle(StatusIcon::unknown, 24));
    verdict_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "result_verdict");
    verdict_->SetFont(GetFont().Bold());  // the panel's font: a label's own default costs a GTK lookup
    message_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "result_message");
    notes_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "result_notes");
    make_secondary_text(notes_);

    // Plain words first: what a person acts on is shown, the codes for support are under Details.
    fields_ = new wxFlexGridSizer(2, FromDIP(2), FromDIP(12));
    AddField(this, fields_, _("Models available:"), "result_models");
    AddField(this, fields_, _("Organization:"), "result_organization");
    AddField(this, fields_, _("Project:"), "result_project");

    remedy_ = new wxHyperlinkCtrl(this, wxID_ANY, _("How to fix this"), "https://platform.openai.com",
                                  wxDefaultPosition, wxDefaultSize, wxHL_DEFAULT_STYLE, "result_remedy");
    make_link_readable(remedy_);
    open_with_fallback(remedy_);

    details_ =
        new wxCollapsiblePane(this, wxID_ANY, _("Details"), wxDefaultPosition, wxDefaultSize,
                              wxCP_DEFAULT_STYLE | wxCP_NO_TLW_RESIZE, wxDefaultValidator, "result_details");
    wxWindow* pane = details_->GetPane();
    timings_ =
        new wxStaticText(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "result_timings");
    auto* copy = new wxButton(pane, wxID_ANY, _("&Copy diagnostics"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "copy_diagnostics");
    copy->SetToolTip(_("Copies a report of this test for support. It never contains your key."));
    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CopyDiagnostics(); });
    copied_ = new wxStaticText(pane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                               "diagnostics_copied");
    auto* copy_row = new wxBoxSizer(wxHORIZONTAL);
    copy_row->Add(copy, 0, wxALIGN_CENTER_VERTICAL);
    copy_row->Add(copied_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    auto* codes = new wxFlexGridSizer(2, FromDIP(2), FromDIP(12));
    AddField(pane, codes, _("Code:"), "result_reason");
    AddField(pane, codes, _("HTTP status:"), "result_http_status");
    AddField(pane, codes, _("Request ID:"), "result_request_id");
    auto* pane_sizer = new wxBoxSizer(wxVERTICAL);
    pane_sizer->Add(codes, 0, wxBOTTOM, FromDIP(6));
    pane_sizer->Add(timings_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    pane_sizer->Add(copy_row, 0);
    pane->SetSizer(pane_sizer);
    details_->Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent&) {
        // The page scrolls if the pane no longer fits: tell the scrolled parent to recompute.
        InvalidateBestSize();
        for (wxWindow* w = this; w != nullptr && !w->IsTopLevel(); w = w->GetParent()) {
            w->InvalidateBestSize();
            w->Layout();
        }
    });

    auto* text_column = new wxBoxSizer(wxVERTICAL);
    text_column->Add(verdict_, 0, wxBOTTOM, FromDIP(4));
    text_column->Add(message_, 0, wxBOTTOM, FromDIP(6));
    text_column->Add(remedy_, 0, wxBOTTOM, FromDIP(6));
    text_column->Add(fields_, 0, wxBOTTOM, FromDIP(4));
    text_column->Add(notes_, 0, wxBOTTOM, FromDIP(4));
    text_column->Add(details_, 0, wxEXPAND);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(icon_, 0, wxALIGN_TOP | wxRIGHT, FromDIP(10));
    row->Add(text_column, 1);
    SetSizer(row);

    // Enter on the focused result acts on it (the wizard goes on after a key that works); the panel is no
    // Tab stop once the focus leaves it.
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) &&
            FindFocus() == this) {
            wxCommandEvent activated(EVT_RESULT_ACTIVATED, GetId());
            activated.SetEventObject(this);
            ProcessWindowEvent(activated);
            return;
        }
        event.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        SetCanFocus(false);
        event.Skip();
    });
}

void CheckResultPanel::AddField(wxWindow* parent, wxSizer* grid, const wxString& label,
                                const wxString& name) {
    auto* caption =
        new wxStaticText(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, name + "_label");
    make_secondary_text(caption);
    auto* value = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    grid->Add(caption, 0, wxALIGN_LEFT);
    grid->Add(value, 0, wxALIGN_LEFT);
}

void CheckResultPanel::SetField(const wxString& name, const wxString& value) {
    auto* field = FindWindow(name);
    auto* caption = FindWindow(name + "_label");
    if (field == nullptr || caption == nullptr) {
        return;
    }
    static_cast<wxStaticText*>(field)->SetLabelText(value);
    field->Show(!value.empty());
    caption->Show(!value.empty());
}

void CheckResultPanel::ShowOutcome(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint) {
    outcome_ = outcome;
    endpoint_ = endpoint;
    checked_at_ = wxDateTime::Now().ToUTC().FormatISOCombined() + "Z";
    const int wrap = FromDIP(wrap_width_dip_ - 34);  // the icon column takes the rest

    set_status_icon(icon_, status_icon_for(outcome.status), 24);
    verdict_->SetLabelText(verdict_sentence(outcome));
    verdict_->Wrap(wrap);
    set_wrapped_text(message_, wxString::FromUTF8(core::person_message(outcome, wx_wording())), wrap);
    message_->Show(!outcome.message.empty());

    SetField("result_reason", wxString::FromUTF8(std::string(core::to_string(outcome.reason))));
    SetField("result_http_status",
             outcome.http_status ? wxString::Format("%ld", *outcome.http_status) : wxString());
    SetField("result_request_id", wxString::FromUTF8(outcome.request_id));
    SetField("result_models", outcome.status == net::KeyStatus::valid
                                  ? wxString::Format("%zu", outcome.model_count)
                                  : wxString());
    SetField("result_organization", wxString::FromUTF8(outcome.organization));
    SetField("result_project", wxString::FromUTF8(outcome.project));

    wxString notes;
    for (const auto& note : outcome.notes) {
        notes += (notes.empty() ? "" : "\n") + person_words(note);
    }
    set_wrapped_text(notes_, notes, wrap);
    notes_->Show(!notes.empty());

    const bool has_remedy = !outcome.remedy_url.empty() && outcome.status != net::KeyStatus::valid;
    if (has_remedy) {
        remedy_->SetURL(wxString::FromUTF8(outcome.remedy_url));
        remedy_->SetLabel(remedy_label(outcome.reason));
        make_link_readable(remedy_);  // GTK made a new label for the text, with the theme's colour
        remedy_->SetToolTip(wxString::FromUTF8(outcome.remedy_url));
    }
    remedy_->Show(has_remedy);

    wxString timings = wxString::Format(tr_utf8("Attempts: %d · elapsed %lld ms"), outcome.attempts,
                                        static_cast<long long>(outcome.elapsed_ms));
    timings +=
        "\n" + wxString::Format(_("Last attempt: %s"), wxString::FromUTF8(timings_summary(outcome.timings)));
    if (!outcome.detail.empty()) {
        timings +=
            "\n" + wxString::Format(_("Server or connection said: %s"), wxString::FromUTF8(outcome.detail));
    }
    set_wrapped_text(timings_, timings, wrap - FromDIP(24));
    copied_->SetLabelText(wxString());

    // Announced: a screen reader reads a new result by the panel's name (the verdict) and description (the
    // message), when it appears (a notification) and when the focus lands on it (FocusVerdict).
    set_accessible_role(this, "notification");
    set_accessible_name(this, verdict_->GetLabelText());
    set_accessible_description(this, message_->IsShown() ? message_->GetLabelText() : wxString());

    InvalidateBestSize();
    Layout();
}

wxSize CheckResultPanel::MeasureOutcome(const net::KeyCheckOutcome& outcome) {
    ShowOutcome(outcome, {});
    const wxSize size = GetBestSize();
    outcome_.reset();
    return size;
}

void CheckResultPanel::FocusVerdict() {
    // The panel itself, not its first link: wxPanel would hand the focus on to the remedy link, and Enter
    // there would open a browser.
    SetCanFocus(true);
    SetFocusIgnoringChildren();
}

std::string CheckResultPanel::GetDiagnostics() const {
    if (!outcome_) {
        return {};
    }
    return diagnostics_report(*outcome_, endpoint_, KEYWIZARD_VERSION, checked_at_.utf8_string());
}

void CheckResultPanel::CopyDiagnostics() {
    const std::string report = GetDiagnostics();
    if (report.empty()) {
        return;
    }
    bool copied = false;
    if (wxTheClipboard->Open()) {
        copied = wxTheClipboard->SetData(new wxTextDataObject(wxString::FromUTF8(report)));
        wxTheClipboard->Close();
    }
    copied_->SetLabelText(copied ? _("Copied.") : _("Could not open the clipboard."));
    details_->GetPane()->Layout();
}

}  // namespace keywizard::ui
