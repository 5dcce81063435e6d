#pragma once

#include "core/rules.h"

namespace keywizard::ui {

// Whether the host app opens the wizard by itself at start: only while no key is stored and the person has
// neither skipped the wizard nor ever saved a key with it ("completed" stays even after "Forget key").
bool wizard_opens_by_itself(const settings::AppSettings& settings, settings::SecretReadState key_state);

}  // namespace keywizard::ui
