#include <cstdio>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "cli/key_input.h"
#include "cli/outcome_report.h"
#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::cli {
namespace {

settings::SecretBackend chosen_backend(const CliOptions& options, const settings::AppSettings& saved) {
    // A backend chosen once (e.g. the file fallback) stays chosen; the keyring is the default otherwise.
    return options.store.value_or(saved.key_storage.value_or(settings::SecretBackend::keyring));
}

bool may_save(const net::KeyCheckOutcome& outcome, const CliOptions& options) {
    if (outcome.status == net::KeyStatus::valid) {
        return true;
    }
    return outcome.reason == net::Reason::missing_scope && options.allow_limited;
}

}  // namespace

int run_set(const CliOptions& options) {
    const Options app = core_options(options);
    const settings::AppSettings saved = load_settings_reporting_problems(options);
    KeyInput input = read_key_from_stdin();
    if (!input.error.empty()) {
        std::fprintf(stderr, "keywizard: %s\n", input.error.c_str());
        return exit_usage;
    }
    const net::KeyLintResult lint = core::lint_key(input.text);

    settings::KeyStorage storage = core::open_storage(app);
    const settings::SecretBackend backend = chosen_backend(options, saved);
    // Before the network check: nobody should wait for a check only to learn it cannot be saved.
    if (backend == settings::SecretBackend::keyring) {
        if (const auto reason = storage.keyring_unavailable_reason()) {
            std::fprintf(
                stderr, "keywizard: %s",
                format(
                    tr("the keyring is unavailable: %s\n"
                       "Nothing was saved. To keep the key in a plain-text file readable only by you (%s),\n"
                       "run: keywizard set --store file\n"),
                    reason->c_str(), storage.location_of(settings::SecretBackend::file).c_str())
                    .c_str());
            return exit_storage_failure;
        }
    }

    core::SaveRequest save;
    save.key = lint.key;
    save.backend = backend;
    net::KeyCheckOutcome outcome;
    if (options.no_check) {
        if (!lint.ok()) {
            std::fprintf(stderr, "✗ %s\n",
                         format(tr("Not a key: %s. Nothing was saved."), lint.problem.c_str()).c_str());
            return core::exit_code_for(net::KeyStatus::rejected);
        }
        // Not sent now, but `exec` and load_key would hand it to an app that sends it to that base URL.
        if (const auto refusal = core::other_providers_key_refusal(
                lint.key, core::check_request(app, saved, {}).endpoint.base_url)) {
            std::fprintf(stderr, "✗ %s %s\n", core::person_message(*refusal, cli_wording()).c_str(),
                         tr("Nothing was saved."));
            return refusal->exit_code();
        }
    } else {
        // check_key lints it again and reports a malformed key in its own words.
        net::KeyCheckRequest request = core::check_request(app, saved, input.text);
        request.generate = options.generate;
        outcome = core::check_key(request);
        const std::string report = options.json ? json_report(outcome) : plain_report(outcome);
        std::fputs(report.c_str(), stdout);
        if (!may_save(outcome, options)) {
            if (outcome.reason == net::Reason::missing_scope && outcome.generation.checked) {
                std::fputs(tr("This key cannot write text. To save it anyway: keywizard set --generate "
                              "--allow-limited\n"),
                           stderr);
            } else if (outcome.reason == net::Reason::missing_scope) {
                std::fputs(tr("This key cannot list models but may still generate. To save it anyway: "
                              "keywizard set --allow-limited\n"),
                           stderr);
            }
            std::fputs(tr("Nothing was saved; the stored key, if any, is unchanged.\n"), stderr);
            return outcome.exit_code();
        }
        save.checked = &outcome;
        save.checked_base_url = request.endpoint.base_url;  // what it was verified against is recorded
    }
    input.text.assign(input.text.size(), '\0');

    const settings::StorageStatus status = core::save(app, save);
    if (!status.ok) {
        // The storage layer's message says what is stored now (it never claims more than it knows).
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("could not save the key: %s"), person_words(status.message).c_str()).c_str());
        return exit_storage_failure;
    }
    if (options.no_check) {
        std::printf(tr("Saved %s without checking it (--no-check). Run `keywizard check` when online.\n"),
                    core::mask_key(lint.key).c_str());
    }
    std::printf("%s\n", (options.json ? status.message : person_words(status.message)).c_str());
    if (backend == settings::SecretBackend::file) {
        std::fputs(tr("Note: the file is plain text, readable only by you.\n"), stderr);
    }
    return 0;
}

}  // namespace keywizard::cli
