#pragma once

#include <string>
#include <string_view>

#include "core/key_setup.h"
#include "wizard/widgets/key_check_panel.h"

class wxWindow;

// The one question asked before the stored key goes to a base URL other than the one it was verified at:
// the main window's Test key and the Configuration Editor's test of changed network settings both ask it.
namespace keywizard::ui {

// Name of the question (Question::name), for tests.
inline constexpr const char* endpoint_changed_question_name = "endpoint_changed_question";

// True when the person chose to send the stored key to `change.base_url`.
bool ConfirmSendingKeyElsewhere(wxWindow* parent, const core::EndpointChange& change);

// The Test key of a key field that may hold the stored key (the Configuration Editor, CreateApiKeyPanel):
// the stored key goes only where it was verified (core::endpoint_change) unless the person says so here; a
// "no" makes the refusal the result, without I/O. A key the person typed goes where they pointed it.
KeyCheckJob KeyFieldCheckJob(wxWindow* parent, const Options& options, const settings::AppSettings& saved,
                             std::string_view stored_key, std::string field_text);

}  // namespace keywizard::ui
