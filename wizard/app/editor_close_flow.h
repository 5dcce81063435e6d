#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/rules.h"

// What closing the Configuration Editor does with the OPENAI_API_KEY field: the rules, without windows, so
// the dialog only carries them out. Closing saves; a changed key is tested first; a key that is not valid
// is only saved after the person chose so, and only for missing_scope; nothing is lost on any path.
namespace keywizard::ui {

enum class KeyCloseStep {
    keep_stored_key,   // the field still holds the stored key (or both are empty): no test, no write
    test_new_key,      // changed and not tested yet with the current text and endpoint
    save_new_key,      // changed and tested valid
    ask_what_to_do,    // changed and the test says it is not valid
    return_to_editor,  // the person cancelled the test: a status, not a decision
};

enum class RejectedKeyChoice {
    go_back,        // back to the editor, the new text still in the field
    keep_previous,  // close, the stored key stays as it was (none stays none)
    save_anyway,    // only for missing_scope: a restricted key that may still generate
};

// True when the field no longer holds the stored key. Pasting the same key with spaces or quotes around it
// is not a change: the lint's normalised key is compared.
bool key_field_changed(std::string_view stored_key, std::string_view field_text);

KeyCloseStep next_key_close_step(bool key_changed, const std::optional<net::KeyCheckOutcome>& test_of_field);

// The key field holds the stored key (or nothing), and the Network page may have changed where and as whom a
// check goes. The stored key is tested against the new settings before they are saved (after the endpoint
// question when it would go to a new base URL); settings it does not pass with are only saved when the
// person chooses so. With no key stored there is nothing to test: they are saved as they are.
enum class NetworkCloseStep {
    save_untested,     // nothing that changes a check changed, or no key is stored
    test_stored_key,   // changed and the stored key not tested yet with them
    save_tested,       // changed and the stored key tests valid with them
    ask_what_to_do,    // changed and the test did not pass (rejected, limited, unverified, not sent)
    return_to_editor,  // the person cancelled the test
};

// The fields that change where and as whom a check goes: base URL, organization, project, CA file, proxy.
// (Timeout and required models change how long and what is asked, not who gets the key.)
bool endpoint_settings_changed(const settings::AppSettings& before, const settings::AppSettings& after);

NetworkCloseStep next_network_close_step(bool key_stored, bool endpoint_changed,
                                         const std::optional<net::KeyCheckOutcome>& test_of_field);

// The choices offered when the new key did not test valid, in button order.
std::vector<RejectedKeyChoice> choices_for_rejected_key(const net::KeyCheckOutcome& outcome);

}  // namespace keywizard::ui
