#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "settings/file_lock.h"
#include "settings/storage_status.h"

namespace keywizard::settings {

enum class SecretBackend { keyring, file };
enum class FirstRunState { pending, skipped, completed };

// The non-secret settings (settings.json) as the app uses them. The file itself is edited as a generic
// ordered JSON tree, so keys this version does not know survive every save, in their order.
struct AppSettings {
    std::string base_url;  // empty: default (https://api.openai.com/v1)
    std::string organization;
    std::string project;
    std::string proxy;
    std::string ca_file;
    int timeout_seconds = 30;
    std::vector<std::string> required_models;
    std::string probe_model;  // the model the generation probe asks; empty: the cheapest one listed
    std::optional<SecretBackend> key_storage;  // where the key was saved; nullopt: never saved
    FirstRunState first_run = FirstRunState::pending;
    // Result of the last check of the stored key, for the main window.
    std::string last_check_status;  // valid|rejected|limited|unverified or empty
    std::string last_check_reason;
    std::string last_check_time;  // UTC, ISO 8601
    // The base URL the stored key was last verified against (empty: never, or saved by an older version).
    std::string verified_base_url;
    // How often the app re-checks the stored key in the background at start; 0: never.
    int recheck_interval_hours = 24;
};

struct SettingsLoad {
    AppSettings settings;
    std::vector<std::string> warnings;  // e.g. "settings.json was corrupt; moved to …; using defaults"
};

// $XDG_CONFIG_HOME/keywizard, else ~/.config/keywizard.
std::filesystem::path default_config_directory();
// The same for a host's app id: $XDG_CONFIG_HOME/<app_id>, else ~/.config/<app_id>. A relative
// XDG_CONFIG_HOME or HOME is ignored (the home then comes from the password database). When nothing
// absolute is left the result is relative, and every read and write refuses it: see
// config_directory_problem().
std::filesystem::path config_directory_for(const std::string& app_id);
// Why no config directory can be found (for a person), or nothing when config_directory_for() is usable.
std::optional<std::string> config_directory_problem();

class SettingsFile {
  public:
    explicit SettingsFile(std::filesystem::path config_dir);

    const std::filesystem::path& path() const { return path_; }

    // Never fails: a missing file gives defaults; a corrupt one is moved aside and reported in warnings.
    SettingsLoad load() const;

    // Under an exclusive lock: re-reads the file, applies `edit`, writes atomically. Unknown keys survive.
    StorageStatus update(const std::function<void(AppSettings&)>& edit);

    // For a caller that does more under the same lock (KeyStorage saves a key and its settings as one):
    // creates the directory and takes settings.json's lock, waiting up to `wait`.
    std::optional<FileLock> lock_for_update(std::string& error,
                                            std::chrono::milliseconds wait = default_lock_wait);
    // load() with that lock held. `error` is set when the file exists but cannot be used (unreadable,
    // corrupt and impossible to move aside): then do not write anything that depends on it.
    SettingsLoad load_locked(const FileLock& held, std::string& error) const;
    // update() with that lock held.
    StorageStatus update_locked(const FileLock& held, const std::function<void(AppSettings&)>& edit);

  private:
    std::filesystem::path dir_;
    std::filesystem::path path_;
};

}  // namespace keywizard::settings
