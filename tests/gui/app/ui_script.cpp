#include "tests/gui/app/ui_script.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

namespace keywizard::test {
namespace {

UiScript* answering_script = nullptr;  // the started script whose question steps answer AskQuestion

int refuse_question(const ui::Question& question) {
    BOOST_ERROR("a question no test step expects: " << question.name.utf8_string());
    return question.escape_id;
}

}  // namespace

UiScript::UiScript(std::chrono::milliseconds deadline) : deadline_(deadline) {}

UiScript::~UiScript() {
    Stop();
    if (answering_script == this) {
        answering_script = nullptr;
        // Never a native dialog in a test: it would wait for a person.
        ui::SetQuestionAnswerer(&refuse_question);
    }
}

UiScript& UiScript::then(std::string what, std::function<bool()> ready, std::function<void()> act) {
    steps_.push_back({std::move(what), std::move(ready), std::move(act), {}, {}});
    return *this;
}

UiScript& UiScript::on_modal(std::string what, const wxString& name, std::function<void(wxDialog*)> act) {
    return then(
        std::move(what), [name] { return shown_modal_named(name) != nullptr; },
        [name, act = std::move(act)] {
            if (wxDialog* dialog = shown_modal_named(name)) {
                act(dialog);
            }
        });
}

UiScript& UiScript::on_question(std::string what, const wxString& name,
                                std::function<int(const ui::Question&)> answer) {
    steps_.push_back({std::move(what), [] { return false; }, {}, name, std::move(answer)});
    return *this;
}

int UiScript::Answer(const ui::Question& question) {
    if (next_ >= steps_.size() || steps_[next_].question != question.name) {
        BOOST_ERROR("the question " << question.name.utf8_string()
                                    << " was asked while the script waits for: " << waiting_for());
        return question.escape_id;
    }
    return steps_[next_++].answer(question);
}

void UiScript::start() {
    started_ = std::chrono::steady_clock::now();
    answering_script = this;
    ui::SetQuestionAnswerer([](const ui::Question& question) {
        return answering_script != nullptr ? answering_script->Answer(question) : refuse_question(question);
    });
    Start(10);
}

std::string UiScript::waiting_for() const {
    return next_ < steps_.size() ? steps_[next_].what : std::string("(nothing: finished)");
}

void UiScript::Notify() {
    const wxEventLoopBase* loop = wxEventLoopBase::GetActive();
    if (acting_ || (loop != nullptr && loop->IsYielding())) {
        return;  // an action is queued, or this is some code's Yield rather than a loop of its own
    }
    if (next_ == steps_.size()) {
        Stop();
        return;
    }
    if (std::chrono::steady_clock::now() - started_ > deadline_) {
        Stop();
        BOOST_ERROR("UI script stuck, waiting for: " << waiting_for());
        end_all_modal_dialogs();
        return;
    }
    if (!steps_[next_].ready()) {
        return;
    }
    Step& step = steps_[next_++];
    // From the event queue rather than from inside this timer callback: GLib does not run a timer again
    // while its callback is still on the stack, and the action may open a modal dialog the next step needs.
    acting_ = true;
    wxTheApp->CallAfter([this, act = step.act] {
        acting_ = false;
        act();
    });
}

void press(wxButton* button) {
    if (button == nullptr || !button->IsEnabled() || !button->IsShownOnScreen()) {
        BOOST_ERROR("press: the button " << (button ? button->GetName().utf8_string() : "(none)")
                                         << " is missing, disabled or hidden");
        return;
    }
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

void enter_text(wxTextCtrl* text, const wxString& value) {
    if (text == nullptr || !text->IsEnabled()) {
        BOOST_ERROR("enter_text: the field is missing or disabled");
        return;
    }
    text->SetFocus();
    text->SetValue(value);  // sends wxEVT_TEXT, as typing does
}

void press_escape(wxWindow* target) {
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = WXK_ESCAPE;
    event.SetEventObject(target);
    event.SetId(target->GetId());
    target->ProcessWindowEvent(event);
}

wxDialog* shown_modal_named(const wxString& name) {
    for (wxWindow* window : wxTopLevelWindows) {
        auto* dialog = dynamic_cast<wxDialog*>(window);
        if (dialog != nullptr && dialog->IsModal() && dialog->IsShown() && dialog->GetName() == name) {
            return dialog;
        }
    }
    return nullptr;
}

void end_all_modal_dialogs() {
    for (auto it = wxTopLevelWindows.rbegin(); it != wxTopLevelWindows.rend(); ++it) {
        auto* dialog = dynamic_cast<wxDialog*>(*it);
        if (dialog != nullptr && dialog->IsModal()) {
            dialog->EndModal(wxID_CANCEL);
        }
    }
}

}  // namespace keywizard::test
