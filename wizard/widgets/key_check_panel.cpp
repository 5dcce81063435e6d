#include "wizard/widgets/key_check_panel.h"

#include <wx/activityindicator.h>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <string>

#include "core/rules.h"
#include "wizard/widgets/activity_warmup.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/translate.h"

wxDEFINE_EVENT(keywizard::ui::EVT_KEY_CHECK_STATE, wxCommandEvent);

namespace keywizard::ui {

KeyCheckJob make_key_check_job(net::KeyCheckRequest request, Options::GenerationCheck generation_check) {
    KeyCheckJob job;
    job.endpoint = request.endpoint;
    job.generation_check = generation_check;
    // The host decided for the person: the probe is part of Test key.
    request.generate = generation_check == Options::GenerationCheck::always;
    if (generation_check == Options::GenerationCheck::ask) {
        job.generate = [request](const net::CancelTokenPtr& cancel,
                                 const net::KeyCheckOutcome& models) mutable {
            request.cancel = cancel;
            return core::check_generation(request, models);
        };
    }
    job.run = [request = std::move(request)](const net::CancelTokenPtr& cancel) mutable {
        request.cancel = cancel;
        return core::check_key(request);
    };
    return job;
}

namespace {

// The two tallest results a check usually shows: a valid key with its models, organization, project and
// the "not checked" note (and, below it, the offer to check that it can write text), and a restricted key
// with the longest of the verdicts' messages and a remedy link. Illustrative values, never shown.
net::KeyCheckOutcome tall_valid_outcome() {
    net::KeyCheckOutcome outcome;
    outcome.status = net::KeyStatus::valid;
    outcome.reason = net::Reason::ok;
    outcome.http_status = 200;
    outcome.model_count = 100;
    outcome.message = "-";  // person_message() words it from the reason
    outcome.request_id = "req_" + std::string(32, '0');
    outcome.organization = "org-" + std::string(24, 'x');
    outcome.project = "proj_" + std::string(24, 'x');
    outcome.notes.emplace_back(core::not_checked_note);
    return outcome;
}

net::KeyCheckOutcome tall_limited_outcome() {
    net::KeyCheckOutcome outcome = tall_valid_outcome();
    outcome.status = net::KeyStatus::limited;
    outcome.reason = net::Reason::missing_scope;
    outcome.http_status = 403;
    outcome.remedy_url = std::string(core::reason_row(net::Reason::missing_scope).remedy_url);
    outcome.organization.clear();
    outcome.project.clear();
    outcome.notes.clear();
    return outcome;
}

}  // namespace

KeyCheckPanel::KeyCheckPanel(wxWindow* parent, JobFactory factory, int wrap_width_dip, const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name),
      factory_(std::move(factory)),
      wrap_width_dip_(wrap_width_dip) {
    test_button_ = new wxButton(this, wxID_ANY, _("&Test key"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "test_key_button");
    test_button_->SetToolTip(_("Ask OpenAI whether this key works (lists the models; costs nothing)"));
    cancel_button_ = new wxButton(this, wxID_ANY, _("Cancel test"), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "cancel_test_button");
    activity_ = new wxActivityIndicator(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "test_activity");
    status_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "test_status");
    result_ = new CheckResultPanel(this, wrap_width_dip);
    generate_button_ = new wxButton(this, wxID_ANY, _("Check that it can &write text"), wxDefaultPosition,
                                    wxDefaultSize, 0, wxDefaultValidator, "check_generation_button");
    // Said before it runs: what it sends and what it costs.
    generate_note_ = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(
            wxPLURAL("Listing models does not prove the key can write text (a read-only key can "
                     "list them). This sends one tiny request (at most %d token), which costs a "
                     "tiny fraction of a cent.",
                     "Listing models does not prove the key can write text (a read-only key can "
                     "list them). This sends one tiny request (at most %d tokens), which costs a "
                     "tiny fraction of a cent.",
                     core::probe_token_cap),
            core::probe_token_cap),
        wxDefaultPosition, wxDefaultSize, 0, "check_generation_note");
    generate_note_->Wrap(FromDIP(wrap_width_dip));
    generate_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartGenerationCheck(); });

    test_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartTest(); });
    cancel_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CancelTest(); });

    auto* controls = new wxBoxSizer(wxHORIZONTAL);
    controls->Add(test_button_, 0, wxALIGN_CENTER_VERTICAL);
    controls->Add(cancel_button_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    controls->Add(activity_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(10));
    controls->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(controls, 0, wxEXPAND);
    column->Add(result_, 0, wxEXPAND | wxTOP, FromDIP(10));
    column->Add(generate_note_, 0, wxEXPAND | wxTOP, FromDIP(8));
    column->Add(generate_button_, 0, wxTOP, FromDIP(4));
    SetSizer(column);

    ChangeState(State::ready);
    warm_activity_indicator_after_first_paint(this);
}

void KeyCheckPanel::KeepRoomForResult() {
    // Measured once, in this panel's font and scale: the result's top gap, then the taller of the two.
    const wxSize valid = result_->MeasureOutcome(tall_valid_outcome());
    const wxSize limited = result_->MeasureOutcome(tall_limited_outcome());
    const int offer =
        FromDIP(8) + generate_note_->GetBestSize().y + FromDIP(4) + generate_button_->GetBestSize().y;
    // As wide as the texts wrap (the result's lines and the note break at wrap_width_dip_), so a verdict
    // whose lines are wider than the samples' is not cut at the right.
    reserved_result_ =
        wxSize(std::max({valid.x, limited.x, generate_note_->GetBestSize().x, FromDIP(wrap_width_dip_)}),
               FromDIP(10) + std::max(valid.y + offer, limited.y));
    InvalidateBestSize();
}

wxSize KeyCheckPanel::DoGetBestSize() const {
    wxSize best = wxPanel::DoGetBestSize();
    if (state_ != State::result) {
        best.x = std::max(best.x, reserved_result_.x);
        best.y += reserved_result_.y;
    }
    return best;
}

KeyCheckPanel::~KeyCheckPanel() {
    // Explicit, though task_'s destructor would do it: no result may reach a half-destroyed panel.
    task_.cancel();
}

void KeyCheckPanel::StartTest() {
    if (state_ == State::testing || !test_allowed_) {
        return;
    }
    std::optional<KeyCheckJob> job = factory_ ? factory_() : std::nullopt;
    if (!job || !job->run) {
        return;
    }
    const net::Endpoint endpoint = job->endpoint;
    auto run = std::move(job->run);
    last_job_ = std::move(*job);
    ChangeState(State::testing);
    task_.start<net::KeyCheckOutcome>(
        std::move(run), [this, endpoint](net::KeyCheckOutcome outcome) { OnTestFinished(outcome, endpoint); },
        [this, endpoint](std::string what) {
            net::KeyCheckOutcome failed;
            failed.status = net::KeyStatus::unverified;
            failed.reason = net::Reason::unexpected_response;
            failed.message =
                wxString::Format(_("The test stopped with an internal error: %s"), wxString::FromUTF8(what))
                    .utf8_string();
            OnTestFinished(failed, endpoint);
        });
}

bool KeyCheckPanel::IsGenerationCheckOffered() const {
    const auto& outcome = result_->GetOutcome();
    return state_ == State::result && last_job_.generate && outcome &&
           outcome->status == net::KeyStatus::valid && !outcome->generation.checked;
}

void KeyCheckPanel::StartGenerationCheck() {
    if (!IsGenerationCheckOffered()) {
        return;
    }
    const net::KeyCheckOutcome models = *result_->GetOutcome();
    const net::Endpoint endpoint = last_job_.endpoint;
    auto generate = last_job_.generate;
    ChangeState(State::testing);
    status_->SetLabelText(tr_utf8("Checking that the key can write text…"));
    task_.start<net::KeyCheckOutcome>(
        [generate, models](const net::CancelTokenPtr& cancel) { return generate(cancel, models); },
        [this, endpoint](net::KeyCheckOutcome outcome) { OnTestFinished(outcome, endpoint); },
        [this, endpoint, models](std::string what) {
            net::KeyCheckOutcome failed = models;
            failed.notes.push_back(
                wxString::Format(_("The check that it can write text stopped with an internal error: %s"),
                                 wxString::FromUTF8(what))
                    .utf8_string());
            OnTestFinished(failed, endpoint);
        });
}

void KeyCheckPanel::CancelTest() {
    if (state_ != State::testing) {
        return;
    }
    task_.cancel();
    ChangeState(State::ready);
    // A user's cancel is a status, not an error.
    status_->SetLabelText(_("Test cancelled."));
}

void KeyCheckPanel::Reset() {
    task_.cancel();
    ChangeState(State::ready);
}

std::optional<net::KeyCheckOutcome> KeyCheckPanel::GetOutcome() const {
    if (state_ != State::result) {
        return std::nullopt;
    }
    return result_->GetOutcome();
}

void KeyCheckPanel::SetTestAllowed(bool allowed) {
    test_allowed_ = allowed;
    test_button_->Enable(allowed && state_ != State::testing);
}

void KeyCheckPanel::OnTestFinished(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint) {
    result_->ShowOutcome(outcome, endpoint);
    ChangeState(State::result);
    // The focus lands on the result: a screen reader reads the verdict, and the hidden Cancel test button
    // does not keep it. Not when the person is elsewhere (typing in Advanced, or another window).
    if (wxWindow* focus = FindFocus(); focus == nullptr || focus == cancel_button_ || focus == test_button_) {
        result_->FocusVerdict();
    }
}

void KeyCheckPanel::ChangeState(State state) {
    const bool cancel_had_focus = wxWindow::FindFocus() == cancel_button_;
    state_ = state;
    const bool testing = state == State::testing;
    test_button_->Enable(test_allowed_ && !testing);
    cancel_button_->Show(testing);
    cancel_button_->Enable(testing);
    activity_->Show(testing);
    if (testing) {
        activity_->Start();
        status_->SetLabelText(tr_utf8("Testing the key with OpenAI…"));
    } else {
        activity_->Stop();
        status_->SetLabelText(wxString());
    }
    result_->Show(state == State::result);
    const bool offer_generation = IsGenerationCheckOffered();
    generate_button_->Show(offer_generation);
    generate_note_->Show(offer_generation);
    if (testing) {
        cancel_button_->SetFocus();  // Enter or Space now cancels; Tab order stays Test, Cancel
    } else if (cancel_had_focus && test_button_->IsEnabled()) {
        test_button_->SetFocus();  // the hidden Cancel must not keep the focus
    }

    InvalidateBestSize();
    Layout();
    if (GetParent() != nullptr) {
        GetParent()->Layout();
    }

    wxCommandEvent event(EVT_KEY_CHECK_STATE, GetId());
    event.SetEventObject(this);
    event.SetInt(static_cast<int>(state));
    ProcessWindowEvent(event);
}

}  // namespace keywizard::ui
