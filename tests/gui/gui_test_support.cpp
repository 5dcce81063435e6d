#include "tests/gui/gui_test_support.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "net/http_client.h"

namespace keywizard::test {
namespace {

int assert_count = 0;

class GuiTestApp : public wxApp {
  public:
    bool OnInit() override { return true; }  // no command line parsing: Boost owns argv
};

// A wx assert must become a test failure: left alone, Debian's wx opens a modal dialog and the run hangs.
void record_assert_as_failure(const wxString& file, int line, const wxString& func, const wxString& cond,
                              const wxString& msg) {
    ++assert_count;
    BOOST_ERROR("wx assert failed: " << cond.utf8_string() << " (" << msg.utf8_string() << ") in "
                                     << func.utf8_string() << " at " << file.utf8_string() << ":" << line);
}

// The loop the pumps run events through: wx needs an active loop for Yield and idle processing, and the
// tests run outside wxApp::OnRun.
wxEventLoopBase* test_loop = nullptr;

}  // namespace

GuiTestEnvironment::GuiTestEnvironment() {
    net::init_http_globally();  // before any worker thread exists
    wxSetAssertHandler(&record_assert_as_failure);
    wxApp::SetInstance(new GuiTestApp);
    static int argc = 1;
    static char arg0[] = "gui_tests";
    static char* argv[] = {arg0, nullptr};
    if (!wxEntryStart(argc, argv)) {
        throw std::runtime_error("wxEntryStart failed: is there a display (run under scripts/test-session)?");
    }
    if (!wxTheApp->CallOnInit()) {
        throw std::runtime_error("test wxApp OnInit failed");
    }
    wxInitAllImageHandlers();
    // wxLogDebug chatter ("lost focus even though it didn't have it": Xvfb has no window manager to give
    // focus) would bury the test output.
    wxLog::SetLogLevel(wxLOG_Info);
    test_loop = new wxGUIEventLoop();
    wxEventLoopBase::SetActive(test_loop);
}

GuiTestEnvironment::~GuiTestEnvironment() {
    // Let windows destroyed by the last test (Destroy() is deferred) go before the app does.
    pump_for(50ms);
    wxEventLoopBase::SetActive(nullptr);
    delete test_loop;
    test_loop = nullptr;
    wxTheApp->OnExit();
    wxEntryCleanup();
}

int wx_assert_count() {
    return assert_count;
}

void pump_events() {
    // Several rounds: one event often queues the next (CallAfter -> layout -> size event -> idle).
    for (int round = 0; round < 3; ++round) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxTheApp->ProcessPendingEvents();
        wxTheApp->ProcessIdle();
    }
}

bool pump_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        pump_events();
        if (condition()) {
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return condition();
        }
        std::this_thread::sleep_for(5ms);  // polling granularity, not synchronisation
    }
}

void pump_for(std::chrono::milliseconds duration) {
    const auto deadline = std::chrono::steady_clock::now() + duration;
    do {
        pump_events();
        std::this_thread::sleep_for(5ms);
    } while (std::chrono::steady_clock::now() < deadline);
}

wxWindow* find_window_by_name(wxWindow* root, const wxString& name) {
    if (root == nullptr) {
        return nullptr;
    }
    if (root->GetName() == name) {
        return root;
    }
    for (wxWindow* child : root->GetChildren()) {
        if (wxWindow* found = find_window_by_name(child, name)) {
            return found;
        }
    }
    return nullptr;
}

wxWindow* find_window_by_label(wxWindow* root, const wxString& label) {
    if (root == nullptr) {
        return nullptr;
    }
    if (wxControl::RemoveMnemonics(root->GetLabel()) == label) {
        return root;
    }
    for (wxWindow* child : root->GetChildren()) {
        if (wxWindow* found = find_window_by_label(child, label)) {
            return found;
        }
    }
    return nullptr;
}

bool is_visible(const wxWindow* window) {
    for (const wxWindow* w = window; w != nullptr; w = w->GetParent()) {
        if (!w->IsShown()) {
            return false;
        }
        if (w->IsTopLevel()) {
            break;
        }
    }
    return window != nullptr;
}

namespace {

bool usable(const wxWindow* control, const char* what) {
    if (control == nullptr) {
        BOOST_ERROR(what << ": no such control");
        return false;
    }
    if (!control->IsEnabled() || !is_visible(control)) {
        BOOST_ERROR(what << " \"" << control->GetLabel().utf8_string() << "\" ("
                         << control->GetName().utf8_string() << ") is disabled or hidden");
        return false;
    }
    return true;
}

}  // namespace

void click(wxButton* button) {
    if (!usable(button, "click")) {
        return;
    }
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
    pump_events();
}

void set_checked(wxCheckBox* box, bool checked) {
    if (!usable(box, "set_checked")) {
        return;
    }
    box->SetValue(checked);
    wxCommandEvent event(wxEVT_CHECKBOX, box->GetId());
    event.SetEventObject(box);
    event.SetInt(checked ? 1 : 0);
    box->ProcessWindowEvent(event);
    pump_events();
}

void choose(wxRadioButton* radio) {
    if (!usable(radio, "choose")) {
        return;
    }
    radio->SetValue(true);
    wxCommandEvent event(wxEVT_RADIOBUTTON, radio->GetId());
    event.SetEventObject(radio);
    event.SetInt(1);
    radio->ProcessWindowEvent(event);
    pump_events();
}

void type_text(wxTextCtrl* text, const wxString& value) {
    if (!usable(text, "type_text")) {
        return;
    }
    text->SetFocus();
    text->SetValue(value);  // SetValue (unlike ChangeValue) sends wxEVT_TEXT, as typing does
    pump_events();
}

void press_enter(wxTextCtrl* text) {
    if (!usable(text, "press_enter")) {
        return;
    }
    wxCommandEvent event(wxEVT_TEXT_ENTER, text->GetId());
    event.SetEventObject(text);
    event.SetString(text->GetValue());
    text->ProcessWindowEvent(event);
    pump_events();
}

void press_key(wxWindow* target, int key_code) {
    if (target == nullptr) {
        BOOST_ERROR("press_key: no target");
        return;
    }
    // wxEVT_CHAR_HOOK propagates up to the top-level window, where wxDialog turns Escape into Cancel.
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = key_code;
    event.SetEventObject(target);
    event.SetId(target->GetId());
    target->ProcessWindowEvent(event);
    pump_events();
}

}  // namespace keywizard::test
