#pragma once

#include "core/key_setup.h"

class wxWindow;

// The one question asked before the stored key goes to a base URL other than the one it was verified at:
// the main window's Test key and the Configuration Editor's test of changed network settings both ask it.
namespace keywizard::ui {

// Name of the question (Question::name), for tests.
inline constexpr const char* endpoint_changed_question_name = "endpoint_changed_question";

// True when the person chose to send the stored key to `change.base_url`.
bool ConfirmSendingKeyElsewhere(wxWindow* parent, const core::EndpointChange& change);

}  // namespace keywizard::ui
