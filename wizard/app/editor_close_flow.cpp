#include "wizard/app/editor_close_flow.h"

#include "core/rules.h"

namespace keywizard::ui {

bool key_field_changed(std::string_view stored_key, std::string_view field_text) {
    if (field_text == stored_key) {
        return false;
    }
    const net::KeyLintResult lint = core::lint_key(field_text);
    if (lint.ok()) {
        return lint.key != stored_key;
    }
    // Only whitespace left where no key is stored: nothing to save, nothing changed.
    return !(stored_key.empty() && field_text.find_first_not_of(" \t\r\n") == std::string_view::npos);
}

KeyCloseStep next_key_close_step(bool key_changed, const std::optional<net::KeyCheckOutcome>& test_of_field) {
    if (!key_changed) {
        return KeyCloseStep::keep_stored_key;
    }
    if (!test_of_field) {
        return KeyCloseStep::test_new_key;
    }
    if (test_of_field->status == net::KeyStatus::valid) {
        return KeyCloseStep::save_new_key;
    }
    if (test_of_field->reason == net::Reason::cancelled) {
        return KeyCloseStep::return_to_editor;
    }
    return KeyCloseStep::ask_what_to_do;
}

bool endpoint_settings_changed(const settings::AppSettings& before, const settings::AppSettings& after) {
    return before.base_url != after.base_url || before.organization != after.organization ||
           before.project != after.project || before.ca_file != after.ca_file || before.proxy != after.proxy;
}

NetworkCloseStep next_network_close_step(bool key_stored, bool endpoint_changed,
                                         const std::optional<net::KeyCheckOutcome>& test_of_field) {
    if (!key_stored || !endpoint_changed) {
        return NetworkCloseStep::save_untested;
    }
    if (!test_of_field) {
        return NetworkCloseStep::test_stored_key;
    }
    if (test_of_field->status == net::KeyStatus::valid) {
        return NetworkCloseStep::save_tested;
    }
    if (test_of_field->reason == net::Reason::cancelled) {
        return NetworkCloseStep::return_to_editor;
    }
    return NetworkCloseStep::ask_what_to_do;
}

std::vector<RejectedKeyChoice> choices_for_rejected_key(const net::KeyCheckOutcome& outcome) {
    std::vector<RejectedKeyChoice> choices{RejectedKeyChoice::go_back, RejectedKeyChoice::keep_previous};
    if (outcome.reason == net::Reason::missing_scope) {
        choices.push_back(RejectedKeyChoice::save_anyway);
    }
    return choices;
}

}  // namespace keywizard::ui
