#include "wizard/app/editor_storage.h"

#include <chrono>

#include "wizard/app/check_settings.h"

namespace keywizard::ui {

EditorLoad load_editor_state(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage(config_dir);
    settings::SettingsLoad load = storage.settings_file().load();
    EditorLoad state;
    state.stored = storage.read_key();
    state.settings = std::move(load.settings);
    state.warnings = std::move(load.warnings);
    return state;
}

KeyDestination find_key_destination(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage(config_dir);
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
    settings::KeyStorage storage(config_dir);
    EditorSaveResult result;
    std::string message;
    if (changes.new_key) {
        settings::StorageStatus saved = storage.save_key(*changes.new_key, changes.backend);
        if (!saved.ok) {
            result.status = saved;
            return result;
        }
        result.key_saved = true;
        message = saved.message;
    }
    if (!changes.new_key && !changes.network) {
        return result;
    }
    const auto now = std::chrono::system_clock::now();
    settings::StorageStatus updated = storage.settings_file().update([&](settings::AppSettings& settings) {
        if (changes.network) {
            copy_network_fields(*changes.network, settings);
        }
        if (changes.new_key) {
            // A key saved by hand counts as set up: the wizard no longer opens by itself.
            settings.first_run = settings::FirstRunState::completed;
            if (changes.key_test) {
                record_last_check(settings, *changes.key_test, now);
            }
        }
    });
    if (!updated.ok) {
        result.status = settings::StorageStatus::failure(
            changes.new_key ? message + "\nbut the settings could not be saved: " + updated.message
                            : updated.message);
        return result;
    }
    if (!updated.message.empty()) {
        message += (message.empty() ? "" : "\n") + updated.message;
    }
    result.status = settings::StorageStatus::success(std::move(message));
    return result;
}

settings::StorageStatus forget_stored_key(const std::filesystem::path& config_dir) {
    settings::KeyStorage storage(config_dir);
    return storage.forget_key();
}

}  // namespace keywizard::ui
