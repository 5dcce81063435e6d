#pragma once

// Shared harness for the GUI test executables (wizard_gui_tests, app GUI tests): a real wxApp under Xvfb,
// wx asserts routed to Boost failures, event pumping with a deadline, and lookups of child windows.
//
// In the executable's main file:
//   #define BOOST_TEST_MODULE wizard_gui_tests
//   #include <boost/test/unit_test.hpp>
//   #include "tests/gui/gui_test_support.h"
//   KEYWIZARD_GUI_TEST_ENVIRONMENT();

#include <boost/test/unit_test.hpp>

#include <wx/string.h>
#include <wx/window.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "tests/support/scoped_environment.h"
#include "tests/support/temp_dir.h"

class wxButton;
class wxCheckBox;
class wxRadioButton;
class wxTextCtrl;

namespace keywizard::test {

using namespace std::chrono_literals;

// Global fixture: creates a test wxApp (wxEntryStart + OnInit, which initialises GTK on the Xvfb display),
// installs the assert handler, registers the image handlers and initialises libcurl. Tears down at exit.
struct GuiTestEnvironment {
    GuiTestEnvironment();
    ~GuiTestEnvironment();
};

// BOOST_TEST_GLOBAL_FIXTURE wants a plain identifier.
#define KEYWIZARD_GUI_TEST_ENVIRONMENT()                                     \
    using KeywizardGuiTestEnvironment = keywizard::test::GuiTestEnvironment; \
    BOOST_TEST_GLOBAL_FIXTURE(KeywizardGuiTestEnvironment)

// Number of wx asserts seen so far (each one is also a Boost failure): lets a test say "no assert here".
int wx_assert_count();

// Processes pending and queued events once (GTK events, CallAfter, idle), without waiting.
void pump_events();

// Pumps events until `condition` is true or `timeout` passes; returns the final value of `condition`.
// Polls every few milliseconds: use it where no event can be awaited directly.
bool pump_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 10s);

// Pumps for a short while so layout, idle handlers and queued callbacks settle (no condition to wait for).
void pump_for(std::chrono::milliseconds duration);

// Depth-first search below `root` (root included). Name is the wxWindow name given at creation.
wxWindow* find_window_by_name(wxWindow* root, const wxString& name);
// Label as shown (mnemonics "&" ignored), e.g. "Test key".
wxWindow* find_window_by_label(wxWindow* root, const wxString& label);

template <class T>
T* find_by_name(wxWindow* root, const wxString& name) {
    return dynamic_cast<T*>(find_window_by_name(root, name));
}
template <class T>
T* find_by_label(wxWindow* root, const wxString& label) {
    return dynamic_cast<T*>(find_window_by_label(root, label));
}

// True when the window and all its parents are shown (IsShownOnScreen without depending on the WM).
bool is_visible(const wxWindow* window);

// Acts like a person would, through the events the control itself sends (no pixel coordinates, so a
// window manager's placement does not matter). Each fails the test if the control is disabled or hidden.
void click(wxButton* button);
void set_checked(wxCheckBox* box, bool checked);
void choose(wxRadioButton* radio);
void type_text(wxTextCtrl* text, const wxString& value);  // replaces the value; sends wxEVT_TEXT
void press_enter(wxTextCtrl* text);                       // wxEVT_TEXT_ENTER, as a wxTE_PROCESS_ENTER field
void press_key(wxWindow* target, int key_code);           // a wxEVT_CHAR_HOOK, e.g. WXK_ESCAPE

// A fresh, empty XDG_CONFIG_HOME for one test; restores the previous value (or unsets it) at the end.
class TempConfigHome {
  public:
    TempConfigHome() : environment_{{"XDG_CONFIG_HOME", root_.path().string()}} {}

    const std::filesystem::path& root() const { return root_.path(); }
    std::filesystem::path config_dir() const { return root() / "keywizard"; }  // what the app will use

  private:
    TempDir root_{"gui-test"};
    ScopedEnvironment environment_;
};

// What every GUI test fixture starts from: a fresh, empty XDG_CONFIG_HOME and none of the session's
// OPENAI_* variables or SSL_CERT_FILE, so the caller's environment cannot leak into what a test sees.
// Restores all of it at the end.
class IsolatedUserEnvironment {
  public:
    std::filesystem::path config_dir() const { return home_.config_dir(); }

  private:
    TempConfigHome home_;
    ScopedEnvironment unset_{{"OPENAI_API_KEY", std::nullopt},
                             {"OPENAI_BASE_URL", std::nullopt},
                             {"OPENAI_ORG_ID", std::nullopt},
                             {"OPENAI_PROJECT_ID", std::nullopt},
                             {"SSL_CERT_FILE", std::nullopt}};
};

}  // namespace keywizard::test
