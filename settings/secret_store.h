#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "settings/app_settings.h"
#include "settings/storage_status.h"

namespace keywizard::settings {

enum class SecretReadState { found, not_found, unavailable, failed };

struct SecretRead {
    SecretReadState state = SecretReadState::not_found;
    std::string value;    // the key when found
    std::string message;  // why, when unavailable or failed
};

// One place a key can live. Implementations block (with a bound): call them off the UI thread.
class SecretStore {
  public:
    virtual ~SecretStore() = default;
    virtual SecretBackend backend() const = 0;
    virtual std::string location() const = 0;  // for a person: "GNOME Keyring (Secret Service)" or a path
    virtual std::optional<std::string> unavailable_reason() = 0;  // nullopt when it can be used now
    virtual SecretRead read() = 0;
    virtual StorageStatus write(std::string_view key) = 0;
    virtual StorageStatus erase() = 0;  // success also when there was nothing to erase
};

// `application`: the keyring item's `application` attribute, the host's app id ("keywizard" for our own).
// `app_name` names the item for a person: "<app_name>: OpenAI API key".
std::unique_ptr<SecretStore> make_keyring_store(std::string application = "keywizard",
                                                std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                                const std::string& app_name = "keywizard");
std::unique_ptr<SecretStore> make_dotenv_store(const std::filesystem::path& config_dir);

std::string_view to_string(SecretBackend backend);  // "keyring" | "file"

}  // namespace keywizard::settings
