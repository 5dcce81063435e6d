#include <cstdio>
#include <cstdlib>

#include "net/models_check.h"
#include "settings/key_storage.h"
#include "wizard/cli/commands.h"
#include "wizard/cli/key_input.h"
#include "wizard/cli/outcome_report.h"

namespace keywizard::cli {
namespace {

struct KeySource {
    std::string key;
    std::string problem;  // why there is no key, for a person
    int problem_exit = 0;
};

KeySource find_key(const CliOptions& options) {
    if (options.from_stdin) {
        KeyInput input = read_key_from_stdin();
        return {std::move(input.text), std::move(input.error), exit_usage};
    }
    if (const char* from_environment = std::getenv("OPENAI_API_KEY"); from_environment && *from_environment) {
        return {from_environment, {}, 0};
    }
    settings::KeyStorage storage(settings::default_config_directory());
    settings::StoredKey stored = storage.read_key();
    switch (stored.state) {
        case settings::SecretReadState::found:
            return {std::move(stored.key), {}, 0};
        case settings::SecretReadState::not_found:
            return {{},
                    "no key to check: pipe one to `keywizard check --stdin`, set OPENAI_API_KEY, "
                    "or save one with `keywizard set`",
                    net::exit_code_for(net::KeyStatus::rejected)};
        case settings::SecretReadState::unavailable:
        case settings::SecretReadState::failed:
            return {{}, "could not read the stored key: " + stored.message, exit_storage_failure};
    }
    return {};
}

}  // namespace

int run_check(const CliOptions& options) {
    const settings::AppSettings saved = load_settings_reporting_problems();
    KeySource source = find_key(options);
    if (!source.problem.empty()) {
        std::fprintf(stderr, "keywizard: %s\n", source.problem.c_str());
        return source.problem_exit;
    }

    net::KeyCheckRequest request;
    request.raw_key = std::move(source.key);
    request.endpoint = resolve_endpoint(options, saved);
    request.required_models = resolve_required_models(options, saved);
    const net::KeyCheckOutcome outcome = net::check_key(request);
    request.raw_key.assign(request.raw_key.size(), '\0');

    const std::string report = options.json ? json_report(outcome) : plain_report(outcome);
    std::fputs(report.c_str(), stdout);
    return outcome.exit_code();
}

}  // namespace keywizard::cli
