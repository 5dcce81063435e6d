#pragma once

#include <wx/event.h>
#include <wx/panel.h>

#include <functional>
#include <optional>

#include "core/rules.h"
#include "keywizard/core.h"
#include "wizard/widgets/background_task.h"

class wxActivityIndicator;
class wxButton;
class wxStaticText;

namespace keywizard::ui {

class CheckResultPanel;

// Sent by KeyCheckPanel on every state change (wxCommandEvent, propagates; GetInt() is the new
// KeyCheckPanel::State). Owners use it to enable Next, Save and the like.
wxDECLARE_EVENT(EVT_KEY_CHECK_STATE, wxCommandEvent);

// What one press of Test key runs: `run` is called on a worker thread with the job's cancel token.
struct KeyCheckJob {
    std::function<net::KeyCheckOutcome(const net::CancelTokenPtr&)> run;
    net::Endpoint endpoint;  // for the diagnostics report only
    // The generation probe alone, after `run` passed (core::check_generation); empty: not offered.
    std::function<net::KeyCheckOutcome(const net::CancelTokenPtr&, const net::KeyCheckOutcome&)> generate;
    // ask: a passing test offers "Check that it can write text" (generate); always: `run` includes the
    // probe; never: neither.
    Options::GenerationCheck generation_check = Options::GenerationCheck::never;
};

// The usual job: core::check_key(request) with the job's cancel token, and the generation probe the host's
// `generation_check` allows (never, by default).
KeyCheckJob make_key_check_job(net::KeyCheckRequest request,
                               Options::GenerationCheck generation_check = Options::GenerationCheck::never);

// Test key button, Cancel while testing, an activity indicator and a status line, and the result panel.
// A small explicit state machine:
//   ready   --StartTest-->  testing  --result-->  result
//   testing --CancelTest--> ready (at once; the worker is cancelled and its late result dropped)
//   result  --Reset------>  ready   (the input changed: the old result no longer applies)
// The check runs on a worker thread (BackgroundTask); destroying the panel cancels and joins it.
// Child window names (for tests): test_key_button, cancel_test_button, test_activity, test_status,
// check_result, check_generation_button, check_generation_note.
// With a job whose generation_check is ask, a passing result offers "Check that it can write text", which
// says what it sends and costs; pressing it runs the probe (state testing) and shows the combined outcome.
class KeyCheckPanel : public wxPanel {
  public:
    enum class State { ready, testing, result };

    // Called on the UI thread when Test key is pressed; nullopt means there is nothing to test (the
    // factory shows why itself, e.g. through the key field's lint message).
    using JobFactory = std::function<std::optional<KeyCheckJob>()>;

    KeyCheckPanel(wxWindow* parent, JobFactory factory, int wrap_width_dip = 480,
                  const wxString& name = "key_check");
    ~KeyCheckPanel() override;

    void StartTest();
    // "Check that it can write text": the probe after a passing test (only while it is offered).
    void StartGenerationCheck();
    bool IsGenerationCheckOffered() const;
    void CancelTest();
    void Reset();

    State GetState() const { return state_; }
    bool IsTesting() const { return state_ == State::testing; }
    // The outcome on display (state result), else nullopt.
    std::optional<net::KeyCheckOutcome> GetOutcome() const;
    // Whether Test key may be pressed (e.g. false while the key field is empty). Kept across states.
    void SetTestAllowed(bool allowed);

    CheckResultPanel* GetResultPanel() const { return result_; }

    // From now on the best size keeps room for a result while none is shown (the taller of a valid key's
    // result with the offer to check generation, and a restricted key's): a host that sizes its window to
    // the panel once (SetSizerAndFit) still shows the verdict in full when it comes. The wizard's pages,
    // which scroll, do not need it.
    void KeepRoomForResult();

  protected:
    wxSize DoGetBestSize() const override;

  private:
    void ChangeState(State state);
    void OnTestFinished(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint);

    JobFactory factory_;
    int wrap_width_dip_;
    State state_ = State::ready;
    bool test_allowed_ = true;
    wxButton* test_button_ = nullptr;
    wxButton* cancel_button_ = nullptr;
    wxActivityIndicator* activity_ = nullptr;
    wxStaticText* status_ = nullptr;
    CheckResultPanel* result_ = nullptr;
    wxButton* generate_button_ = nullptr;
    wxStaticText* generate_note_ = nullptr;
    wxSize reserved_result_;  // KeepRoomForResult(); zero without
    KeyCheckJob last_job_;    // the job of the result on display: its probe, when offered
    // Last member: destroyed first, so the worker is joined while everything it reports to still exists.
    BackgroundTask task_;
};

}  // namespace keywizard::ui
