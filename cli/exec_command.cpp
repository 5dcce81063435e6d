// `keywizard exec -- COMMAND [ARGS...]`: the stored key for any tool that reads OPENAI_API_KEY, without a
// plain-text file. keywizard puts the key into the environment and then becomes COMMAND (execvp, no fork,
// no shell): COMMAND's exit status and the signals sent to it or killing it are exactly its own, as with
// env(1), and no keywizard process stays behind holding the key. execve also gives COMMAND the usual
// "dumpable" state again (main() turned it off for keywizard itself).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::cli {
namespace {

// DESIGN.md/env(1): the command was found but could not be run, or was not found at all.
constexpr int exit_cannot_run = 126;
constexpr int exit_not_found = 127;

// The stored key, not the parent's OPENAI_API_KEY: exec exists to hand the stored key to a tool, and an
// inherited variable would silently win over it (`show` says when the two differ).
bool set_variable(const char* name, const std::string& value) {
    if (::setenv(name, value.c_str(), 1) != 0) {
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("could not set %s: %s"), name, std::strerror(errno)).c_str());
        return false;
    }
    return true;
}

// Endpoint settings go to the command when an option or settings.json sets them; a variable the
// environment already has stays as it is (it won the precedence anyway), and defaults are left to the tool.
bool pass_setting(const char* name, const Setting& setting) {
    if (setting.value.empty() || (setting.source != Source::argument && setting.source != Source::settings)) {
        return true;
    }
    return set_variable(name, setting.value);
}

}  // namespace

int run_exec(const CliOptions& options) {
    const Options app = core_options(options);
    const settings::AppSettings saved = load_settings_reporting_problems(options);
    settings::StoredKey stored = core::open_storage(app).read_key();
    if (stored.state == settings::SecretReadState::not_found) {
        std::fprintf(
            stderr, "keywizard: %s",
            format(tr("no key is stored for %s, so there is nothing to run %s with.\n"
                      "Store one first: keywizard set (reads it from standard input), keywizard import "
                      "FILE, or keywizard wizard.\n"),
                   options.app_id.c_str(), core::printable_text(options.arguments.front()).c_str())
                .c_str());
        return exit_storage_failure;
    }
    if (stored.state != settings::SecretReadState::found) {
        std::fprintf(
            stderr, "keywizard: %s\n",
            format(tr("could not read the stored key: %s"), person_words(stored.message).c_str()).c_str());
        return exit_storage_failure;
    }
    const Endpoint endpoint = core::resolve_endpoint(app, saved);
    // The command would send the key to the base URL it is given: the same binding as `check`.
    if (const auto change = core::endpoint_change(endpoint, saved.verified_base_url)) {
        const net::KeyCheckOutcome refused =
            core::endpoint_changed_outcome(*change, core::mask_key(stored.key));
        stored.key.assign(stored.key.size(), '\0');
        std::fprintf(stderr, "keywizard: %s\n%s\n", refused.message.c_str(),
                     format(tr("To use it there anyway, name it: keywizard exec --base-url %s -- ..."),
                            core::printable_text(change->base_url).c_str())
                         .c_str());
        return core::exit_code_for(net::KeyStatus::unverified);
    }
    const bool ready = set_variable("OPENAI_API_KEY", stored.key) &&
                       pass_setting("OPENAI_BASE_URL", endpoint.base_url) &&
                       pass_setting("OPENAI_ORG_ID", endpoint.organization) &&
                       pass_setting("OPENAI_PROJECT_ID", endpoint.project);
    stored.key.assign(stored.key.size(), '\0');
    if (!ready) {
        return exit_storage_failure;
    }

    std::vector<char*> argv;
    for (const std::string& argument : options.arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    std::fflush(nullptr);
    ::execvp(argv.front(), argv.data());

    // Only reached when the command could not be started.
    const int error = errno;
    ::unsetenv("OPENAI_API_KEY");
    std::fprintf(stderr, "keywizard: %s\n",
                 format(tr("cannot run %s: %s"), core::printable_text(options.arguments.front()).c_str(),
                        error == ENOENT ? tr("command not found") : std::strerror(error))
                     .c_str());
    return error == ENOENT ? exit_not_found : exit_cannot_run;
}

}  // namespace keywizard::cli
