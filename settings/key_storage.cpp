#include "settings/key_storage.h"

#include <system_error>
#include <utility>

#include "net/phrase.h"
#include "settings/atomic_file_writer.h"
#include "settings/message_formats.h"

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

KeyStorage::KeyStorage(std::filesystem::path config_dir, std::string app_id, const std::string& app_name)
    : dir_(std::move(config_dir)),
      settings_(dir_),
      keyring_(make_keyring_store(std::move(app_id), std::chrono::seconds(5), app_name)),
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
    none.message = from_keyring.state == SecretReadState::not_found
                       ? net::fill(formats::none_stored,
                                   {{"keyring", keyring_->location()}, {"file", file_->location()}})
                       : net::fill(formats::none_stored_unsearched, {{"keyring", keyring_->location()},
                                                                     {"file", file_->location()},
                                                                     {"error", from_keyring.message}});
    return none;
}

// The order never loses the key: the new copy is written first (a failure there changes nothing), then
// key_storage is pointed at it (a failure there puts the previous secret back, so the old record still
// points at the old, still present copy), and only then is the old copy removed (a failure there leaves a
// stale duplicate, which is reported, never a missing key). All of it happens under settings.json's lock,
// so concurrent saves cannot pair one save's key with another save's settings.
StorageStatus KeyStorage::save_key(std::string_view key, SecretBackend backend) {
    return save_key(key, backend, [](AppSettings&) {});
}

StorageStatus KeyStorage::save_key(std::string_view key, SecretBackend backend,
                                   const std::function<void(AppSettings&)>& record) {
    std::string error;
    auto lock = settings_.lock_for_update(error);
    if (!lock) {
        return StorageStatus::failure(error + "\nNothing was changed: the key was not saved.");
    }
    (void)remove_stale_temp_files_if_unlocked(dir_ / ".env");  // a killed writer's copy of a key
    const auto loaded = settings_.load_locked(*lock, error);
    if (!error.empty()) {
        return StorageStatus::failure(error + "\nNothing was changed: the key was not saved.");
    }
    const auto previous = loaded.settings.key_storage;
    auto& target = store(backend);
    // What the target holds now, to put back if settings.json cannot be written afterwards.
    auto before = target.read();
    if (before.state == SecretReadState::failed || before.state == SecretReadState::unavailable) {
        return StorageStatus::failure(before.message + "\nNothing was changed: the key was not saved.");
    }
    auto written = target.write(key);
    if (!written.ok) {
        return StorageStatus::failure(written.message + "\nNothing was changed: the key was not saved.");
    }
    auto recorded = settings_.update_locked(*lock, [&](AppSettings& settings) {
        record(settings);
        settings.key_storage = backend;
    });
    if (!recorded.ok) {
        const bool had_key = before.state == SecretReadState::found;
        auto restored = had_key ? target.write(before.value) : target.erase();
        if (restored.ok) {
            return StorageStatus::failure(
                net::fill(formats::could_not_save_settings, {{"error", recorded.message}}) +
                "\nNothing was changed: " +
                (had_key ? "the previous key was put back in " + target.location()
                         : "the new key was removed again from " + target.location()) +
                ", and the new key was not saved.");
        }
        std::string record_state = !previous ? "settings.json does not say where the key is stored"
                                   : *previous == backend
                                       ? "settings.json still has the settings of the previous save"
                                       : "settings.json still names " + store(*previous).location() +
                                             " (which still holds the previous key)";
        return StorageStatus::failure(
            net::fill(formats::could_not_save_settings, {{"error", recorded.message}}) + "\n" +
            target.location() + " now holds the new key, and " +
            (had_key ? "the previous key could not be put back: " : "it could not be removed again: ") +
            restored.message + "\n" + record_state + ".");
    }
    std::string message = written.message;
    for (const auto& warning : loaded.warnings) {
        message += "\n" + warning;  // e.g. a corrupt settings.json moved aside
    }
    if (!recorded.message.empty()) {
        message += "\n" + recorded.message;
    }
    auto& old = store(other(backend));
    auto erased = old.erase();
    // Only worth a word when the old backend was known to hold the key; an unreachable keyring that never
    // held it is not news when saving to the file.
    if (!erased.ok && previous == other(backend)) {
        message += "\n" + net::fill(formats::old_copy_not_removed,
                                    {{"location", old.location()}, {"error", erased.message}});
    } else if (erased.ok && previous == other(backend)) {
        message += "\n" + net::fill(formats::removed_old_copy, {{"location", old.location()}});
    }
    return StorageStatus::success(std::move(message));
}

StorageStatus KeyStorage::forget_key() {
    std::optional<FileLock> lock;
    std::optional<SecretBackend> recorded;
    bool setup_done = false;
    std::vector<std::string> warnings;
    std::error_code ec;
    if (std::filesystem::is_directory(dir_, ec)) {
        std::string error;
        lock = settings_.lock_for_update(error);
        if (!lock) {
            return StorageStatus::failure(error + "\nNothing was removed.");
        }
        std::string read_error;  // an unreadable settings.json names nothing: look in both places
        auto loaded = settings_.load_locked(*lock, read_error);
        recorded = loaded.settings.key_storage;
        setup_done = loaded.settings.first_run != FirstRunState::pending;
        warnings = std::move(loaded.warnings);
    }
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
            return StorageStatus::failure(
                net::fill(formats::could_not_remove_from,
                          {{"location", candidate.location()}, {"error", erased.message}}) +
                (removed_any ? "\n" + message : std::string()));
        }
        message += (message.empty() ? "" : "\n") +
                   net::fill(formats::removed_from, {{"location", candidate.location()}});
        removed_any = true;
    }
    // A writer killed before its rename leaves a temp file that may hold a key: it is a copy too.
    if (lock) {
        for (const auto& temp : remove_stale_temp_files_if_unlocked(dir_ / ".env")) {
            message += (message.empty() ? "" : "\n") +
                       ("Removed a leftover temporary copy of " + file_->location() + " (" + temp.string() +
                        ") that an interrupted save had left");
            removed_any = true;
        }
    }
    // Without a key the app needs setting up again (needs_setup), whether the person finished or skipped it.
    if ((recorded || setup_done) && lock) {
        auto cleared = settings_.update_locked(*lock, [](AppSettings& settings) {
            settings.key_storage.reset();
            settings.first_run = FirstRunState::pending;
        });
        if (!cleared.ok) {
            return StorageStatus::failure(message + "\nbut settings.json still names it: " + cleared.message);
        }
    }
    if (!removed_any) {
        message = net::fill(formats::none_was_stored,
                            {{"keyring", keyring_->location()}, {"file", file_->location()}});
    }
    for (const auto& warning : warnings) {
        message += "\n" + warning;
    }
    // Nothing of the key stays behind, its lock files included (a writer holding one keeps it: try only).
    if (lock) {
        if (auto env_lock = FileLock::try_acquire(lock_path_for(dir_ / ".env"))) {
            std::move(*env_lock).remove_file();
        }
        std::move(*lock).remove_file();
    }
    return StorageStatus::success(std::move(message));
}

}  // namespace keywizard::settings
