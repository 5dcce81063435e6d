#include "cli/cli.h"

#include <cstdio>

#include "cli/cli_options.h"
#include "cli/cli_text.h"
#include "cli/commands.h"
#include "core/rules.h"

namespace keywizard::cli {

bool is_cli_command(std::string_view word) {
    return word == "check" || word == "set" || word == "show" || word == "forget" || word == "exec" ||
           word == "import" || word == "providers";
}

int run_cli(int argc, char** argv) {
    const ParsedCommandLine parsed = parse_command_line(argc, argv);
    if (parsed.help) {
        std::fputs(usage_text(), stdout);
        return 0;
    }
    if (parsed.version) {
        std::printf("keywizard %s\n", KEYWIZARD_VERSION);
        return 0;
    }
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "keywizard: %s\n%s\n", parsed.error.c_str(), tr("Try: keywizard --help"));
        return exit_usage;
    }
    const CliOptions& options = parsed.options;
    // A relative HOME or XDG_CONFIG_HOME would put the key under the working directory: never.
    if (options.command == "set" || options.command == "forget" || options.command == "show" ||
        options.command == "exec" || options.command == "import") {
        if (const auto problem = core::config_directory_problem()) {
            std::fprintf(stderr, "keywizard: %s\n", problem->c_str());
            return exit_storage_failure;
        }
    }
    if (options.command == "check") {
        return run_check(options);
    }
    if (options.command == "set") {
        return run_set(options);
    }
    if (options.command == "show") {
        return run_show(options);
    }
    if (options.command == "forget") {
        return run_forget(options);
    }
    if (options.command == "exec") {
        return run_exec(options);
    }
    if (options.command == "import") {
        return run_import(options);
    }
    if (options.command == "providers") {
        return run_providers(options);
    }
    std::fprintf(stderr, "keywizard: %s\n%s\n",
                 format(tr("unknown command \"%s\""), options.command.c_str()).c_str(),
                 tr("Try: keywizard --help"));
    return exit_usage;
}

}  // namespace keywizard::cli
