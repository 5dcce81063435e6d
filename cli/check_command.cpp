#include <cstdio>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "cli/key_input.h"
#include "cli/outcome_report.h"
#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::cli {
namespace {

struct KeyToCheck {
    std::string key;
    bool stored = false;  // the stored key: bound to the base URL it was verified against
    std::string problem;  // why there is no key, for a person
    int problem_exit = 0;
    bool none = false;  // nothing to check at all: --json still prints its object (reason no_key)
};

// --stdin, else what the core says the app would use now (OPENAI_API_KEY, else the stored key).
KeyToCheck find_key(const CliOptions& options) {
    if (options.from_stdin) {
        KeyInput input = read_key_from_stdin();
        return {std::move(input.text), false, std::move(input.error), exit_usage};
    }
    core::KeySource source = core::find_key(core_options(options));
    if (source.from != core::KeySource::From::none) {
        return {std::move(source.key), source.from == core::KeySource::From::store, {}, 0};
    }
    if (source.store_state == settings::SecretReadState::not_found) {
        // Not a verdict on any key: the storage-failure code, as `show` uses when nothing is stored.
        return {{},
                false,
                tr("no key to check: pipe one to `keywizard check --stdin`, set OPENAI_API_KEY, "
                   "or save one with `keywizard set`"),
                exit_storage_failure,
                true};
    }
    return {{},
            false,
            format(tr("could not read the stored key: %s"), source.problem.c_str()),
            exit_storage_failure};
}

}  // namespace

int run_check(const CliOptions& options) {
    const settings::AppSettings saved = load_settings_reporting_problems(options);
    KeyToCheck source = find_key(options);
    if (!source.problem.empty()) {
        std::fprintf(stderr, "keywizard: %s\n", source.problem.c_str());
        if (source.none && options.json) {
            // A host parsing stdout gets an object here too, not an empty line.
            net::KeyCheckOutcome none;
            none.status = net::KeyStatus::unverified;
            none.reason = net::Reason::no_key;
            none.message = std::string(core::reason_row(net::Reason::no_key).message);
            std::fputs(json_report(none).c_str(), stdout);
        }
        return source.problem_exit;
    }
    if (source.stored) {
        if (const auto change = core::endpoint_change(core::resolve_endpoint(core_options(options), saved),
                                                      saved.verified_base_url)) {
            const net::KeyCheckOutcome refused =
                core::endpoint_changed_outcome(*change, core::mask_key(source.key));
            source.key.assign(source.key.size(), '\0');
            std::fputs((options.json ? json_report(refused) : plain_report(refused)).c_str(), stdout);
            std::fprintf(stderr, "%s\n",
                         format(tr("To check it there anyway, name it: keywizard check --base-url %s"),
                                core::printable_text(change->base_url).c_str())
                             .c_str());
            return refused.exit_code();
        }
    }
    net::KeyCheckRequest request = core::check_request(core_options(options), saved, std::move(source.key));
    request.generate = options.generate;
    const net::KeyCheckOutcome outcome = core::check_key(request);
    request.raw_key.assign(request.raw_key.size(), '\0');

    const std::string report = options.json ? json_report(outcome) : plain_report(outcome);
    std::fputs(report.c_str(), stdout);
    return outcome.exit_code();
}

}  // namespace keywizard::cli
