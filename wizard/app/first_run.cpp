#include "wizard/app/first_run.h"

#include "core/key_setup.h"

namespace keywizard::ui {

bool wizard_opens_by_itself(const settings::AppSettings& settings, settings::SecretReadState key_state) {
    return core::needs_setup(settings, key_state);
}

}  // namespace keywizard::ui
