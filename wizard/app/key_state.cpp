#include "wizard/app/key_state.h"

#include <chrono>

#include "core/key_setup.h"
#include "core/rules.h"
#include "wizard/app/check_settings.h"

namespace keywizard::ui {
namespace {

KeyState state_from(const settings::StoredKey& stored, settings::SettingsLoad load) {
    KeyState state;
    state.read_state = stored.state;
    if (stored.state == settings::SecretReadState::found) {
        state.masked_key = core::mask_key(stored.key);
    } else {
        state.read_problem = stored.message;
    }
    state.location = stored.location;
    state.environment_key_masked =
        core::environment_key_override(stored.state == settings::SecretReadState::found ? stored.key : "");
    state.settings = std::move(load.settings);
    state.settings_warnings = std::move(load.warnings);
    return state;
}

}  // namespace

KeyState load_key_state(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage = core::open_storage(app_options(config_dir));
    settings::SettingsLoad load = storage.settings_file().load();
    settings::StoredKey stored = storage.read_key();
    KeyState state = state_from(stored, std::move(load));
    stored.key.assign(stored.key.size(), '\0');
    return state;
}

net::KeyCheckOutcome check_stored_key(const std::filesystem::path& config_dir,
                                      const net::CancelTokenPtr& cancel,
                                      const std::optional<std::string>& confirmed_base_url) {
    Options options = app_options(config_dir);
    if (confirmed_base_url) {
        options.base_url = confirmed_base_url;  // an explicit argument: the binding does not apply
    }
    return core::check_stored_key(options, cancel).outcome;
}

}  // namespace keywizard::ui
