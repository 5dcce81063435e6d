#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "settings/app_settings.h"
#include "settings/secret_store.h"
#include "settings/storage_status.h"

namespace keywizard::settings {

struct StoredKey {
    SecretReadState state = SecretReadState::not_found;
    std::string key;
    std::optional<SecretBackend> backend;
    std::string location;
    std::string message;
};

// What the CLI and the UI use: the secret in the backend that settings.json's key_storage names.
// Blocking (keyring calls): off the UI thread.
class KeyStorage {
  public:
    // `app_id`: the keyring item's `application` attribute (config_dir is that app's folder); `app_name` its
    // label's words ("Writer: OpenAI API key").
    explicit KeyStorage(std::filesystem::path config_dir, std::string app_id = "keywizard",
                        const std::string& app_name = "keywizard");
    ~KeyStorage();

    StoredKey read_key();
    std::optional<std::string> keyring_unavailable_reason();
    // Writes to `backend`, records key_storage, then removes the key from the other backend.
    StorageStatus save_key(std::string_view key, SecretBackend backend);
    // The same, and `record` edits the settings saved with the key (endpoint, last check, first run):
    // the key and what it was checked against belong together.
    StorageStatus save_key(std::string_view key, SecretBackend backend,
                           const std::function<void(AppSettings&)>& record);
    // Removes it from where it is stored; the message says where.
    StorageStatus forget_key();

    SettingsFile& settings_file() { return settings_; }
    std::string location_of(SecretBackend backend);

  private:
    SecretStore& store(SecretBackend backend);

    std::filesystem::path dir_;
    SettingsFile settings_;
    std::unique_ptr<SecretStore> keyring_;
    std::unique_ptr<SecretStore> file_;
};

}  // namespace keywizard::settings
