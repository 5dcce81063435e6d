#include "settings/key_storage.h"

#include <utility>

namespace keywizard::settings {
namespace {

SecretBackend other(SecretBackend backend) {
    return backend == SecretBackend::keyring ? SecretBackend::file : SecretBackend::keyring;
}

StoredKey from_read(SecretRead read, SecretBackend backend, std::string location) {
    StoredKey stored;
    stored.state = read.state;
    stored.key = std::move(read.value);
    stored.backend = backend;
    stored.location = std::move(location);
    stored.message = std::move(read.message);
    return stored;
}

}  // namespace

KeyStorage::KeyStorage(std::filesystem::path config_dir, std::string app_id)
    : dir_(std::move(config_dir)),
      settings_(dir_),
      keyring_(make_keyring_store(std::move(app_id))),
      file_(make_dotenv_store(dir_)) {}

KeyStorage::~KeyStorage() = default;

SecretStore& KeyStorage::store(SecretBackend backend) {
    return backend == SecretBackend::keyring ? *keyring_ : *file_;
}

std::string KeyStorage::location_of(SecretBackend backend) {
    return store(backend).location();
}

std::optional<std::string> KeyStorage::keyring_unavailable_reason() {
    return keyring_->unavailable_reason();
}

StoredKey KeyStorage::read_key() {
    const auto recorded = settings_.load().settings.key_storage;
    if (recorded) {
        auto& backend = store(*recorded);
        return from_read(backend.read(), *recorded, backend.location());
    }
    // Nothing recorded (an older or hand-made set-up): look in both, keyring first, and change nothing.
    auto from_keyring = keyring_->read();
    if (from_keyring.state == SecretReadState::found) {
        return from_read(std::move(from_keyring), SecretBackend::keyring, keyring_->location());
    }
    auto from_file = file_->read();
    if (from_file.state == SecretReadState::found || from_file.state == SecretReadState::failed) {
        return from_read(std::move(from_file), SecretBackend::file, file_->location());
    }
    StoredKey none;
    none.state = SecretReadState::not_found;
    none.message = "No key is stored (looked in " + keyring_->location() + " and " + file_->location() + ")";
    if (from_keyring.state != SecretReadState::not_found) {
        none.message += "; the keyring could not be searched: " + from_keyring.message;
    }
    return none;
}

// The order never loses the key: the new copy is written first (a failure there changes nothing), then
// key_storage is pointed at it (a failure there leaves the old record pointing at the old, still present
// copy), and only then is the old copy removed (a failure there leaves a stale duplicate, which is
// reported, never a missing key).
StorageStatus KeyStorage::save_key(std::string_view key, SecretBackend backend) {
    return save_key(key, backend, [](AppSettings&) {});
}

StorageStatus KeyStorage::save_key(std::string_view key, SecretBackend backend,
                                   const std::function<void(AppSettings&)>& record) {
    const auto previous = settings_.load().settings.key_storage;
    auto& target = store(backend);
    auto written = target.write(key);
    if (!written.ok) {
        return written;
    }
    auto recorded = settings_.update([&](AppSettings& settings) {
        record(settings);
        settings.key_storage = backend;
    });
    if (!recorded.ok) {
        return StorageStatus::failure(written.message +
                                      ", but settings.json could not record where: " + recorded.message);
    }
    std::string message = written.message;
    if (!recorded.message.empty()) {
        message += "\n" + recorded.message;
    }
    auto& old = store(other(backend));
    auto erased = old.erase();
    // Only worth a word when the old backend was known to hold the key; an unreachable keyring that never
    // held it is not news when saving to the file.
    if (!erased.ok && previous == other(backend)) {
        message += "\nThe old copy in " + old.location() + " could not be removed: " + erased.message;
    } else if (erased.ok && previous == other(backend)) {
        message += "\nRemoved the old copy from " + old.location();
    }
    return StorageStatus::success(std::move(message));
}

StorageStatus KeyStorage::forget_key() {
    const auto recorded = settings_.load().settings.key_storage;
    std::string message;
    bool removed_any = false;
    const SecretBackend order[] = {recorded.value_or(SecretBackend::keyring),
                                   other(recorded.value_or(SecretBackend::keyring))};
    for (const auto backend : order) {
        auto& candidate = store(backend);
        const bool is_recorded = recorded == backend;
        // The recorded backend must be cleared; the other one only when it holds a copy as well.
        if (!is_recorded && candidate.read().state != SecretReadState::found) {
            continue;
        }
        auto erased = candidate.erase();
        if (!erased.ok) {
            return StorageStatus::failure("Could not remove the key from " + candidate.location() + ": " +
                                          erased.message + (removed_any ? "\n" + message : std::string()));
        }
        message += (message.empty() ? "" : "\n") + ("Removed the key from " + candidate.location());
        removed_any = true;
    }
    if (recorded) {
        auto cleared = settings_.update([](AppSettings& settings) { settings.key_storage.reset(); });
        if (!cleared.ok) {
            return StorageStatus::failure(message + "\nbut settings.json still names it: " + cleared.message);
        }
    }
    if (!removed_any) {
        return StorageStatus::success("No key was stored (looked in " + keyring_->location() + " and " +
                                      file_->location() + ")");
    }
    return StorageStatus::success(std::move(message));
}

}  // namespace keywizard::settings
