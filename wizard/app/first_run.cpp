#include "wizard/app/first_run.h"

namespace keywizard::ui {

bool wizard_opens_by_itself(const settings::AppSettings& settings, settings::SecretReadState key_state) {
    if (settings.first_run != settings::FirstRunState::pending) {
        return false;
    }
    switch (key_state) {
        case settings::SecretReadState::not_found:
            return true;
        case settings::SecretReadState::unavailable:
            // No keyring and no key ever saved: the wizard offers the file fallback. Once a key was saved
            // somewhere, an unavailable keyring does not mean the key is missing.
            return !settings.key_storage.has_value();
        case settings::SecretReadState::found:
        case settings::SecretReadState::failed:
            return false;
    }
    return false;
}

}  // namespace keywizard::ui
