#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"

// The Configuration Editor's storage work, each a blocking call for a worker thread (keyring calls block).
// No wx here: the dialog only moves the results onto the screen.
namespace keywizard::ui {

struct EditorLoad {
    settings::StoredKey stored;  // the key goes into the (masked) field: the editor is where it is edited
    settings::AppSettings settings;
    std::vector<std::string> warnings;
};

EditorLoad load_editor_state(const std::filesystem::path& config_dir);

// Where a new key would go: the keyring when it can be used now, else the person must choose the file.
struct KeyDestination {
    std::optional<std::string> keyring_unavailable;  // why the keyring cannot take it; nullopt: it can
    std::string file_location;                       // the .env path, to name it in the question
};

KeyDestination find_key_destination(const std::filesystem::path& config_dir);

// Everything closing the editor writes, decided on the UI thread.
struct EditorChanges {
    std::optional<std::string> new_key;  // the normalised key, when it is to be saved
    settings::SecretBackend backend = settings::SecretBackend::keyring;
    // Recorded as the last check: the new key's test, or the stored key's test with changed network settings.
    std::optional<net::KeyCheckOutcome> key_test;
    std::optional<settings::AppSettings> network;  // its network fields are written when set
};

struct EditorSaveResult {
    settings::StorageStatus status;  // the message says what was done or what failed, for a person
    bool key_saved = false;          // also true when the key was saved but the settings were not
};

// Saves the key first (a failure there writes nothing else), then the settings.
EditorSaveResult save_editor_changes(const std::filesystem::path& config_dir, const EditorChanges& changes);

settings::StorageStatus forget_stored_key(const std::filesystem::path& config_dir);

// Copies the fields the Network page edits, leaving everything else (key_storage, first_run, ...) alone.
void copy_network_fields(const settings::AppSettings& from, settings::AppSettings& to);

}  // namespace keywizard::ui
