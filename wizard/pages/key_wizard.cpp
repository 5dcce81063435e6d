#include "wizard/pages/key_wizard.h"

#include "core/rules.h"
#include "wizard/pages/key_wizard_dialog.h"

namespace keywizard::ui {

KeyWizardResult RunKeyWizard(wxWindow* parent, const KeyWizardOptions& options, StoredKeyInfo* saved) {
    // On the stack: a modal dialog; its destructor cancels and joins any check or save still running.
    KeyWizardDialog wizard(parent, options);
    wizard.RunWizard(wizard.FirstPage());
    const auto& key = wizard.SavedKey();
    if (saved != nullptr && key && key->status.ok) {
        saved->stored = true;
        saved->masked_key = key->masked_key;
        saved->storage = key->backend == settings::SecretBackend::file ? Storage::file : Storage::keyring;
        saved->location = key->location;
        saved->last_check_status = std::string(core::to_string(key->tested.status));
        saved->last_check_reason = std::string(core::to_string(key->tested.reason));
        saved->verified_base_url = key->tested_base_url;
    }
    return wizard.Result();
}

}  // namespace keywizard::ui
