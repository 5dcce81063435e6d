#pragma once

#include "cli/cli_options.h"

namespace keywizard::cli {

// Each returns the process exit code. Output for a person goes to stdout, problems to stderr.
int run_check(const CliOptions& options);
int run_set(const CliOptions& options);
int run_show(const CliOptions& options);
int run_forget(const CliOptions& options);
int run_exec(const CliOptions& options);  // returns only when COMMAND could not be started
int run_import(const CliOptions& options);
int run_providers(const CliOptions& options);  // the providers keywizard knows (images/providers.json)

// settings.json as loaded, after telling the person on stderr about anything that was wrong with it.
settings::AppSettings load_settings_reporting_problems(const CliOptions& options);

}  // namespace keywizard::cli
