#include "wizard/app/key_state.h"

#include <chrono>

#include "net/key_lint.h"
#include "net/models_check.h"
#include "settings/key_storage.h"
#include "wizard/app/check_settings.h"

namespace keywizard::ui {
namespace {

KeyState state_from(const settings::StoredKey& stored, settings::SettingsLoad load) {
    KeyState state;
    state.read_state = stored.state;
    if (stored.state == settings::SecretReadState::found) {
        state.masked_key = net::mask_key(stored.key);
    } else {
        state.read_problem = stored.message;
    }
    state.location = stored.location;
    state.settings = std::move(load.settings);
    state.settings_warnings = std::move(load.warnings);
    return state;
}

}  // namespace

KeyState load_key_state(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage(config_dir);
    settings::SettingsLoad load = storage.settings_file().load();
    return state_from(storage.read_key(), std::move(load));
}

net::KeyCheckOutcome check_stored_key(const std::filesystem::path& config_dir,
                                      const net::CancelTokenPtr& cancel) {
    settings::KeyStorage storage(config_dir);
    const settings::StoredKey stored = storage.read_key();
    if (stored.state != settings::SecretReadState::found) {
        net::KeyCheckOutcome none;
        none.status = net::KeyStatus::rejected;
        none.reason = net::Reason::malformed_key;
        none.message = stored.message.empty() ? "No key is stored." : stored.message;
        return none;
    }
    const settings::SettingsLoad load = storage.settings_file().load();
    net::KeyCheckRequest request;
    request.raw_key = stored.key;
    request.endpoint = endpoint_from_settings(load.settings);
    request.required_models = load.settings.required_models;
    request.cancel = cancel;
    net::KeyCheckOutcome outcome = net::check_key(request);
    if (outcome.reason != net::Reason::cancelled) {
        const auto now = std::chrono::system_clock::now();
        const settings::StorageStatus recorded = storage.settings_file().update(
            [&](settings::AppSettings& settings) { record_last_check(settings, outcome, now); });
        if (!recorded.ok) {
            outcome.notes.push_back("The result could not be recorded: " + recorded.message);
        }
    }
    return outcome;
}

}  // namespace keywizard::ui
