#include "wizard/app/editor_storage.h"

#include "core/key_setup.h"
#include "wizard/app/check_settings.h"

namespace keywizard::ui {

EditorLoad load_editor_state(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage = core::open_storage(app_options(config_dir));
    settings::SettingsLoad load = storage.settings_file().load();
    EditorLoad state;
    state.stored = storage.read_key();
    state.settings = std::move(load.settings);
    state.warnings = std::move(load.warnings);
    return state;
}

KeyDestination find_key_destination(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage = core::open_storage(app_options(config_dir));
    KeyDestination destination;
    destination.keyring_unavailable = storage.keyring_unavailable_reason();
    destination.file_location = storage.location_of(settings::SecretBackend::file);
    return destination;
}

void copy_network_fields(const settings::AppSettings& from, settings::AppSettings& to) {
    to.base_url = from.base_url;
    to.organization = from.organization;
    to.project = from.project;
    to.proxy = from.proxy;
    to.ca_file = from.ca_file;
    to.timeout_seconds = from.timeout_seconds;
    to.required_models = from.required_models;
}

EditorSaveResult save_editor_changes(const std::filesystem::path& config_dir, const EditorChanges& changes) {
    settings::KeyStorage storage = core::open_storage(app_options(config_dir));
    EditorSaveResult result;
    if (!changes.new_key && !changes.network) {
        return result;
    }
    const std::string now = core::utc_now_iso8601();
    auto record = [&](settings::AppSettings& settings) {
        if (changes.network) {
            copy_network_fields(*changes.network, settings);
        }
        if (changes.new_key) {
            // A key saved by hand counts as set up: the wizard no longer opens by itself.
            settings.first_run = settings::FirstRunState::completed;
            settings.verified_base_url.clear();
            if (changes.key_test) {
                core::record_last_check(settings, *changes.key_test, now);
                // Tested with the settings as edited: that is where it was verified.
                settings.verified_base_url = endpoint_for(settings).base_url;
            }
        } else if (changes.key_test) {
            // The stored key tested with the new network settings: what the main window shows from now on,
            // and where it may go when it passed.
            core::record_last_check(settings, *changes.key_test, now);
            if (changes.key_test->status == net::KeyStatus::valid) {
                settings.verified_base_url = endpoint_for(settings).base_url;
            }
        }
    };
    // The key and the settings it was tested with are saved together, or neither is.
    result.status = changes.new_key ? storage.save_key(*changes.new_key, changes.backend, record)
                                    : storage.settings_file().update(record);
    result.key_saved = changes.new_key && result.status.ok;
    return result;
}

settings::StorageStatus forget_stored_key(const std::filesystem::path& config_dir) {
    return core::open_storage(app_options(config_dir)).forget_key();
}

}  // namespace keywizard::ui
