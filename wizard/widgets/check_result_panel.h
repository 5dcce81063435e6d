#pragma once

#include <wx/event.h>
#include <wx/panel.h>

#include <optional>

#include "core/rules.h"

class wxButton;
class wxCollapsiblePane;
class wxFlexGridSizer;
class wxHyperlinkCtrl;
class wxStaticBitmap;
class wxStaticText;

namespace keywizard::ui {

// Sent (and propagated) when Enter is pressed on the focused result.
wxDECLARE_EVENT(EVT_RESULT_ACTIVATED, wxCommandEvent);

// Shows one KeyCheckOutcome: status icon, a one-sentence verdict, the outcome's message, reason, HTTP
// status, request id, a remedy link, and for a valid key the model count and organization/project. A
// collapsed "Details" pane holds the connection timings and "Copy diagnostics" (a report without the key).
// Child window names (for tests): result_verdict, result_message, result_reason, result_http_status,
// result_request_id, result_models, result_organization, result_project, result_remedy, result_details,
// result_timings, copy_diagnostics.
class CheckResultPanel : public wxPanel {
  public:
    CheckResultPanel(wxWindow* parent, int wrap_width_dip, const wxString& name = "check_result");

    // `endpoint` goes into the diagnostics report (base URL, organization, project, proxy, CA file).
    void ShowOutcome(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint);
    const std::optional<net::KeyCheckOutcome>& GetOutcome() const { return outcome_; }

    // The size the panel takes to show `outcome`, measured while it is hidden; it is left without an outcome.
    // For a parent that keeps room for a result before there is one.
    wxSize MeasureOutcome(const net::KeyCheckOutcome& outcome);

    // Moves the keyboard focus to the result itself, so a screen reader reads the verdict and Enter acts
    // on it (EVT_RESULT_ACTIVATED).
    void FocusVerdict();

    // The report "Copy diagnostics" puts on the clipboard; empty before any outcome.
    std::string GetDiagnostics() const;
    void CopyDiagnostics();

  private:
    void AddField(wxWindow* parent, wxSizer* grid, const wxString& label, const wxString& name);
    void SetField(const wxString& name, const wxString& value);

    int wrap_width_dip_;
    std::optional<net::KeyCheckOutcome> outcome_;
    net::Endpoint endpoint_;
    wxString checked_at_;
    wxStaticBitmap* icon_ = nullptr;
    wxStaticText* verdict_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxStaticText* notes_ = nullptr;
    wxFlexGridSizer* fields_ = nullptr;
    wxHyperlinkCtrl* remedy_ = nullptr;
    wxCollapsiblePane* details_ = nullptr;
    wxStaticText* timings_ = nullptr;
    wxStaticText* copied_ = nullptr;
};

// One sentence that says what the outcome means for the person ("This key works.").
wxString verdict_sentence(const net::KeyCheckOutcome& outcome);
// Why a missing_scope key needs an explicit choice before it is saved: read-only when the generation probe
// found it cannot write text (missing model.request), else restricted from listing models.
wxString save_limited_warning(const net::KeyCheckOutcome& outcome);
// Label of the remedy link for the outcome's reason ("Create a new key", "Open billing settings", ...).
wxString remedy_label(net::Reason reason);

}  // namespace keywizard::ui
