#include "settings/app_settings.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "net/phrase.h"
#include "settings/atomic_file_writer.h"
#include "settings/corrupt_file.h"
#include "settings/file_lock.h"
#include "settings/message_formats.h"
#include "settings/private_files.h"
#include "settings/settings_json.h"

namespace keywizard::settings {
namespace {

// An absolute home, or empty. A relative HOME ("." or "home/me") would put the key under whatever the
// working directory happens to be, so it is ignored like a relative XDG_CONFIG_HOME.
std::filesystem::path home_directory() {
    if (const char* home = std::getenv("HOME");
        home != nullptr && std::filesystem::path(home).is_absolute()) {
        return home;
    }
    if (const passwd* entry = ::getpwuid(::getuid());
        entry != nullptr && entry->pw_dir != nullptr && std::filesystem::path(entry->pw_dir).is_absolute()) {
        return entry->pw_dir;
    }
    return {};
}

std::string relative_directory_problem(const std::filesystem::path& dir) {
    return "No home directory was found (HOME is unset or not an absolute path, and the password database "
           "has none), so there is no place for settings: set HOME or XDG_CONFIG_HOME to an absolute "
           "path. (Refused to use \"" +
           dir.string() + "\", which would be under the current directory.)";
}

struct TreeRead {
    nlohmann::ordered_json tree = nlohmann::ordered_json::object();
    std::string error;  // the file could not be read or moved aside: do not write over it
    std::vector<std::string> warnings;
};

// Reads settings.json into a tree with the file's lock held; a corrupt file is moved aside.
TreeRead read_tree_locked(const std::filesystem::path& file) {
    TreeRead result;
    const auto read = read_whole_file(file);
    if (!read.error.empty() && !read.too_large) {
        result.error = read.error;
        return result;
    }
    if (!read.exists) {
        return result;
    }
    auto parsed = read.too_large ? ParsedSettingsText{std::nullopt, "it is larger than 4 MiB"}
                                 : parse_settings_text(read.contents);
    if (parsed.tree) {
        result.tree = std::move(*parsed.tree);
        return result;
    }
    const auto warning = move_corrupt_file_aside(file, parsed.corruption);
    if (std::filesystem::exists(file)) {
        result.error = warning;  // it could not be moved: keep it, and keep it unchanged
    } else {
        result.warnings.push_back(warning);
    }
    return result;
}

}  // namespace

std::filesystem::path default_config_directory() {
    return config_directory_for("keywizard");
}

std::filesystem::path config_directory_for(const std::string& app_id) {
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME");
        xdg != nullptr && std::filesystem::path(xdg).is_absolute()) {
        return std::filesystem::path(xdg) / app_id;
    }
    // Empty home: a relative path that ensure_private_directory() and load() refuse.
    return home_directory() / ".config" / app_id;
}

std::optional<std::string> config_directory_problem() {
    const auto dir = default_config_directory();
    if (dir.is_absolute()) {
        return std::nullopt;
    }
    return relative_directory_problem(dir);
}

SettingsFile::SettingsFile(std::filesystem::path config_dir)
    : dir_(std::move(config_dir)), path_(dir_ / "settings.json") {}

SettingsLoad SettingsFile::load() const {
    SettingsLoad result;
    if (!dir_.is_absolute()) {
        result.warnings.push_back(relative_directory_problem(dir_) + "; using the default settings");
        return result;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dir_, ec)) {
        return result;
    }
    // A writer killed between writing its temp file and renaming it leaves the temp behind. With the
    // lock free no live writer owns one, so this first load after the crash tidies up.
    (void)remove_stale_temp_files_if_unlocked(path_);

    const auto read = read_whole_file(path_);
    if (!read.error.empty() && !read.too_large) {
        result.warnings.push_back(read.error + "; using the default settings");
        return result;
    }
    if (!read.exists) {
        return result;
    }
    auto parsed = read.too_large ? ParsedSettingsText{std::nullopt, "it is larger than 4 MiB"}
                                 : parse_settings_text(read.contents);
    if (!parsed.tree) {
        // Move it aside only under the lock, after reading again: a writer may have just replaced it.
        std::string lock_error;
        auto lock = FileLock::acquire(lock_path_for(path_), default_lock_wait, lock_error);
        if (!lock) {
            result.warnings.push_back(path_.string() + " is corrupt (" + parsed.corruption + ") and " +
                                      lock_error + "; using the default settings");
            return result;
        }
        auto locked = read_tree_locked(path_);
        if (!locked.error.empty()) {
            result.warnings.push_back(locked.error);
            return result;
        }
        result.warnings = std::move(locked.warnings);
        parsed.tree = std::move(locked.tree);
    }
    result.settings = settings_from_json(*parsed.tree, result.warnings);
    return result;
}

std::optional<FileLock> SettingsFile::lock_for_update(std::string& error, std::chrono::milliseconds wait) {
    if (!dir_.is_absolute()) {
        error = relative_directory_problem(dir_);
        return std::nullopt;
    }
    if (auto created = ensure_private_directory(dir_); !created.ok) {
        error = created.message;
        return std::nullopt;
    }
    auto lock = FileLock::acquire(lock_path_for(path_), wait, error);
    if (lock) {
        // With the lock held no live writer owns a temp file: any left is a killed writer's.
        remove_stale_temp_files(path_);
    }
    return lock;
}

SettingsLoad SettingsFile::load_locked(const FileLock&, std::string& error) const {
    SettingsLoad result;
    auto current = read_tree_locked(path_);
    if (!current.error.empty()) {
        error = current.error;
        return result;
    }
    result.warnings = std::move(current.warnings);
    result.settings = settings_from_json(current.tree, result.warnings);
    return result;
}

StorageStatus SettingsFile::update(const std::function<void(AppSettings&)>& edit) {
    std::string lock_error;
    auto lock = lock_for_update(lock_error);
    if (!lock) {
        return StorageStatus::failure(net::fill(formats::settings_not_saved, {{"problem", lock_error}}));
    }
    return update_locked(*lock, edit);
}

StorageStatus SettingsFile::update_locked(const FileLock&, const std::function<void(AppSettings&)>& edit) {
    auto current = read_tree_locked(path_);
    if (!current.error.empty()) {
        return StorageStatus::failure(net::fill(formats::settings_not_saved, {{"problem", current.error}}));
    }
    std::vector<std::string> field_warnings;  // already reported by load(); the fields stay as they are
    const AppSettings before = settings_from_json(current.tree, field_warnings);
    AppSettings after = before;
    edit(after);
    apply_settings_changes(current.tree, before, after);

    auto written = write_file_atomically(path_, settings_to_text(current.tree));
    if (!written.ok) {
        return StorageStatus::failure(net::fill(formats::settings_not_saved, {{"problem", written.message}}));
    }
    std::string notes;
    for (const auto& warning : current.warnings) {
        notes += (notes.empty() ? "" : "\n") + warning;
    }
    return StorageStatus::success(std::move(notes));
}

}  // namespace keywizard::settings
