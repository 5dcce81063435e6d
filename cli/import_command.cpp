// `keywizard import FILE`: moves the key out of a project's dotenv file into the store. The key is checked
// like `set` and stored only when it works; FILE is left alone unless --remove-from-file, which rewrites
// it atomically without the OPENAI_API_KEY line (every other line, their order and FILE's permissions
// stay), and only when FILE is still as it was read. FILE is a person's own file: no lock file is put next
// to it. The store is written through core::save, under the same settings.json lock as `set`.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "cli/outcome_report.h"
#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::cli {
namespace {

// A dotenv file with a key in it is small; anything this large is not one.
constexpr std::size_t max_dotenv_size = 1 << 20;

struct DotenvFile {
    std::string text;
    unsigned mode = 0600;
    std::string problem;  // for a person; non-empty on failure
};

// Only a regular file (through a symlink is fine): a FIFO or a device would block or never end.
DotenvFile read_dotenv_file(const std::string& path) {
    DotenvFile file;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        file.problem = format(tr("cannot open it: %s"), std::strerror(errno));
        return file;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        file.problem = tr("it is not a regular file");
        return file;
    }
    if (static_cast<std::size_t>(info.st_size) > max_dotenv_size) {
        ::close(fd);
        file.problem = tr("it is larger than 1 MiB, so it is not a dotenv file");
        return file;
    }
    file.mode = info.st_mode & 07777;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            file.problem = format(tr("cannot read it: %s"), std::strerror(errno));
            break;
        }
        if (got == 0) {
            break;
        }
        file.text.append(buffer, static_cast<std::size_t>(got));
        if (file.text.size() > max_dotenv_size) {
            file.problem = tr("it is larger than 1 MiB, so it is not a dotenv file");
            break;
        }
    }
    ::close(fd);
    return file;
}

void wipe(std::string& text) {
    text.assign(text.size(), '\0');
}

}  // namespace

int run_import(const CliOptions& options) {
    const std::string& path = options.arguments.front();
    const std::string shown_path = core::printable_text(path);
    const Options app = core_options(options);
    const settings::AppSettings saved = load_settings_reporting_problems(options);

    DotenvFile file = read_dotenv_file(path);
    if (!file.problem.empty()) {
        std::fprintf(
            stderr, "keywizard: %s\n",
            format(tr("cannot import from %s: %s"), shown_path.c_str(), file.problem.c_str()).c_str());
        wipe(file.text);
        return exit_usage;
    }
    std::optional<std::string> value = core::find_dotenv_value(file.text, "OPENAI_API_KEY");
    if (!value || value->empty()) {
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("%s has no OPENAI_API_KEY line with a value; nothing was imported."),
                            shown_path.c_str())
                         .c_str());
        wipe(file.text);
        return core::exit_code_for(net::KeyStatus::rejected);
    }

    settings::KeyStorage storage = core::open_storage(app);
    const settings::SecretBackend backend =
        options.store.value_or(saved.key_storage.value_or(settings::SecretBackend::keyring));
    if (backend == settings::SecretBackend::keyring) {
        if (const auto reason = storage.keyring_unavailable_reason()) {
            std::fprintf(stderr, "keywizard: %s",
                         format(tr("the keyring is unavailable: %s\nNothing was imported. To keep the key in "
                                   "a file readable only by you, run: keywizard import FILE --store file\n"),
                                reason->c_str())
                             .c_str());
            wipe(file.text);
            wipe(*value);
            return exit_storage_failure;
        }
    }

    // Checked like `set`: stored only when the API accepted it, with where it was verified.
    net::KeyCheckRequest request = core::check_request(app, saved, *value);
    const net::KeyCheckOutcome outcome = core::check_key(request);
    wipe(request.raw_key);
    const std::string report = options.json ? json_report(outcome) : plain_report(outcome);
    std::fputs(report.c_str(), stdout);
    if (outcome.status != net::KeyStatus::valid) {
        std::fputs(tr("Nothing was imported; the stored key, if any, is unchanged.\n"), stderr);
        wipe(file.text);
        wipe(*value);
        return outcome.exit_code();
    }
    core::SaveRequest save;
    save.key = core::lint_key(*value).key;
    save.backend = backend;
    save.checked = &outcome;
    save.checked_base_url = request.endpoint.base_url;
    wipe(*value);
    const settings::StorageStatus status = core::save(app, save);
    wipe(save.key);
    if (!status.ok) {
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("could not save the key: %s"), person_words(status.message).c_str()).c_str());
        wipe(file.text);
        return exit_storage_failure;
    }
    std::printf("%s\n", (options.json ? status.message : person_words(status.message)).c_str());

    if (!options.remove_from_file) {
        std::printf(tr("%1$s still holds a plain-text copy of the key. Remove that line, or run: keywizard "
                       "import %1$s --remove-from-file\n"),
                    shown_path.c_str());
        wipe(file.text);
        return 0;
    }
    // The person may have edited FILE while the key was checked: rewriting it from the first reading would
    // lose that edit. Compare and refuse; the key is stored either way.
    DotenvFile now = read_dotenv_file(path);
    const bool unchanged = now.problem.empty() && now.text == file.text;
    wipe(now.text);
    if (!unchanged) {
        wipe(file.text);
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("the key is stored, but %1$s changed while the key was checked, so it was not "
                               "rewritten and still holds a plain-text copy. Remove the OPENAI_API_KEY line "
                               "yourself, or run: keywizard import %1$s --remove-from-file"),
                            shown_path.c_str())
                         .c_str());
        return exit_storage_failure;
    }
    const std::string without_key = core::remove_dotenv_value(file.text, "OPENAI_API_KEY");
    wipe(file.text);
    const settings::StorageStatus rewritten = core::write_file_atomically(path, without_key, file.mode);
    if (!rewritten.ok) {
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("the key is stored, but %s could not be rewritten and still holds a "
                               "plain-text copy: %s"),
                            shown_path.c_str(), rewritten.message.c_str())
                         .c_str());
        return exit_storage_failure;
    }
    std::printf(tr("Removed OPENAI_API_KEY from %s; its other lines are unchanged.\n"), shown_path.c_str());
    return 0;
}

}  // namespace keywizard::cli
