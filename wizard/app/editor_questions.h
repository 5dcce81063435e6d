#pragma once

#include <wx/defs.h>
#include <wx/string.h>

#include "core/rules.h"
#include "wizard/app/editor_close_flow.h"

class wxWindow;

// The questions the Configuration Editor asks before it saves or forgets a key (AskQuestion), each with a
// name and choice ids tests can answer with.
namespace keywizard::ui {

enum EditorQuestionButton {
    ID_GO_BACK = wxID_HIGHEST + 100,
    ID_KEEP_PREVIOUS,
    ID_SAVE_ANYWAY,
    ID_SAVE_TO_FILE,
    ID_DONT_SAVE,
    ID_FORGET_KEY,
};

// Names of the questions (Question::name).
inline constexpr const char* rejected_key_question_name = "rejected_key_question";
inline constexpr const char* keyring_fallback_question_name = "keyring_fallback_question";
inline constexpr const char* forget_key_question_name = "forget_key_question";
inline constexpr const char* network_test_question_name = "network_test_question";

// The changed key did not test valid: go back, keep the previous key, or (missing_scope only) save anyway.
RejectedKeyChoice AskAboutRejectedKey(wxWindow* parent, const net::KeyCheckOutcome& outcome,
                                      bool has_previous_key);

enum class NetworkTestChoice { go_back, save_anyway };

// The stored key did not pass the test with the changed network settings: go back (the result stays on
// screen) or save the settings anyway.
NetworkTestChoice AskAboutFailedNetworkTest(wxWindow* parent, const net::KeyCheckOutcome& outcome);

enum class KeyringFallbackChoice { save_to_file, go_back, dont_save };

// The keyring cannot take the key now: a plain-text file readable only by you, or not saving it.
KeyringFallbackChoice AskAboutKeyringFallback(wxWindow* parent, const wxString& keyring_problem,
                                              const wxString& file_location);

// True when the person confirms removing the stored key from `location`.
bool ConfirmForgetKey(wxWindow* parent, const wxString& location);

}  // namespace keywizard::ui
