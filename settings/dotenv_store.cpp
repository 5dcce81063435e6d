#include <chrono>

#include "net/phrase.h"
#include "settings/atomic_file_writer.h"
#include "settings/dotenv_text.h"
#include "settings/file_lock.h"
#include "settings/message_formats.h"
#include "settings/private_files.h"
#include "settings/secret_store.h"

namespace keywizard::settings {
namespace {

constexpr std::string_view variable_name = "OPENAI_API_KEY";

// The fallback the person chooses when no keyring is available: `.env` in the config directory, a plain
// text file that only its owner can read (0600), shared with other dotenv-reading tools.
class DotenvStore final : public SecretStore {
  public:
    explicit DotenvStore(const std::filesystem::path& config_dir)
        : dir_(config_dir), path_(config_dir / ".env") {}

    SecretBackend backend() const override { return SecretBackend::file; }
    std::string location() const override { return path_.string(); }
    std::optional<std::string> unavailable_reason() override { return std::nullopt; }

    SecretRead read() override {
        if (!path_.is_absolute()) {
            return {SecretReadState::failed,
                    {},
                    "\"" + path_.string() + "\" is not an absolute path; it was not read"};
        }
        const auto file = read_whole_file(path_);
        if (!file.error.empty()) {
            return {SecretReadState::failed, {}, file.error};
        }
        auto value = file.exists ? find_dotenv_value(file.contents, variable_name) : std::nullopt;
        if (!value || value->empty()) {
            return {
                SecretReadState::not_found, {}, net::fill(formats::no_line_in, {{"path", path_.string()}})};
        }
        return {SecretReadState::found, std::move(*value), {}};
    }

    StorageStatus write(std::string_view key) override {
        if (!is_safe_unquoted_dotenv_value(key)) {
            return StorageStatus::failure(
                net::fill(formats::cannot_store_in_file, {{"path", path_.string()}}));
        }
        return edit([&](const std::string& text) { return set_dotenv_value(text, variable_name, key); },
                    net::fill(formats::saved_in_file, {{"path", path_.string()}}));
    }

    StorageStatus erase() override {
        std::error_code ec;
        if (!std::filesystem::exists(path_, ec)) {
            return StorageStatus::success(
                net::fill(formats::was_not_stored_in, {{"location", path_.string()}}));
        }
        return edit([&](const std::string& text) { return remove_dotenv_value(text, variable_name); },
                    net::fill(formats::removed_from, {{"location", path_.string()}}));
    }

  private:
    // Read-modify-write under the lock, so a concurrent save of another line is not lost.
    template <typename Change>
    StorageStatus edit(Change change, std::string success_message) {
        if (auto created = ensure_private_directory(dir_); !created.ok) {
            return StorageStatus::failure(net::fill(formats::key_not_saved, {{"problem", created.message}}));
        }
        std::string lock_error;
        auto lock = FileLock::acquire(lock_path_for(path_), default_lock_wait, lock_error);
        if (!lock) {
            return StorageStatus::failure(lock_error);
        }
        remove_stale_temp_files(path_);
        const auto file = read_whole_file(path_);
        if (!file.error.empty()) {
            return StorageStatus::failure(net::fill(formats::left_as_it_is, {{"problem", file.error}}));
        }
        // Written even when nothing changed: the new file also fixes a mode wider than 0600.
        auto written = write_file_atomically(path_, change(file.contents));
        if (!written.ok) {
            return StorageStatus::failure(net::fill(formats::left_as_it_is, {{"problem", written.message}}));
        }
        return StorageStatus::success(std::move(success_message));
    }

    std::filesystem::path dir_;
    std::filesystem::path path_;
};

}  // namespace

std::unique_ptr<SecretStore> make_dotenv_store(const std::filesystem::path& config_dir) {
    return std::make_unique<DotenvStore>(config_dir);
}

}  // namespace keywizard::settings
