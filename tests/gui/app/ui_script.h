#pragma once

#include <wx/timer.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "wizard/app/question_dialog.h"

class wxButton;
class wxDialog;
class wxTextCtrl;
class wxWindow;
class wxString;

namespace keywizard::test {

using namespace std::chrono_literals;

// Drives modal dialogs from inside their own event loops, as a person would: the code under test calls
// ShowModal() and only returns when the dialog ends, so the test's steps must run within that loop. A
// timer polls each step's condition in order; when it holds, the step's action runs (through CallAfter, so
// an action may itself open a modal dialog whose steps follow). If a step is not reached before the
// deadline the test fails and every modal dialog is ended, so a broken step never hangs the run.
class UiScript : public wxTimer {
  public:
    explicit UiScript(std::chrono::milliseconds deadline = 30s);
    ~UiScript() override;

    UiScript& then(std::string what, std::function<bool()> ready, std::function<void()> act);
    // Waits for a shown modal dialog with this window name, then acts on it.
    UiScript& on_modal(std::string what, const wxString& name, std::function<void(wxDialog*)> act);
    // The code under test asks the question with this name (AskQuestion) as the next step: `answer` gives
    // the id of the choice made. A question nobody expects fails the test and is answered with Escape.
    UiScript& on_question(std::string what, const wxString& name,
                          std::function<int(const ui::Question&)> answer);

    void start();
    bool finished() const { return next_ == steps_.size() && !acting_; }
    // What the script is waiting for, for failure messages.
    std::string waiting_for() const;

    void Notify() override;

  private:
    struct Step {
        std::string what;
        std::function<bool()> ready;
        std::function<void()> act;
        wxString question;  // a question step: answered from AskQuestion, not from the timer
        std::function<int(const ui::Question&)> answer;
    };

    int Answer(const ui::Question& question);

    std::vector<Step> steps_;
    std::size_t next_ = 0;
    bool acting_ = false;
    std::chrono::milliseconds deadline_;
    std::chrono::steady_clock::time_point started_;
};

// Inside a script's actions, act without pumping events (the harness's click() and type_text() pump): a
// pump inside a modal dialog that was just ended runs its queued work on the wrong event loop, and a
// second EndModal there exits the inner loop instead of its own, which hangs the run.
void press(wxButton* button);
void enter_text(wxTextCtrl* text, const wxString& value);
void press_escape(wxWindow* target);  // a wxEVT_CHAR_HOOK, which reaches the dialog

// The modal dialog with this window name that is on screen now, or nullptr.
wxDialog* shown_modal_named(const wxString& name);

// Ends every modal dialog (innermost first) with wxID_CANCEL.
void end_all_modal_dialogs();

}  // namespace keywizard::test
