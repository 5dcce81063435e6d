#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"
#include "keywizard/core.h"

namespace keywizard::cli {

// Exit codes from DESIGN.md that are not key statuses.
inline constexpr int exit_storage_failure = 5;
inline constexpr int exit_usage = 64;

// What was said on the command line, before the environment and settings.json fill the gaps.
struct CliOptions {
    std::string command;
    std::string app_id = "keywizard";  // --app-id: whose key (config folder, keyring application)
    bool from_stdin = false;
    bool json = false;
    bool no_check = false;
    bool allow_limited = false;
    bool generate = false;  // --generate (check, set): the generation probe, one POST after a passing check
    std::optional<settings::SecretBackend> store;
    std::optional<std::string> base_url;
    std::optional<std::string> organization;
    std::optional<std::string> project;
    std::optional<std::string> ca_file;
    std::optional<std::string> proxy;
    std::optional<int> timeout_seconds;
    std::vector<std::string> required_models;
    // `import FILE`: the file; `exec -- COMMAND ARGS...`: the command and its arguments.
    std::vector<std::string> arguments;
    bool remove_from_file = false;  // import --remove-from-file
};

struct ParsedCommandLine {
    CliOptions options;
    std::string error;  // for a person; non-empty means usage error (exit 64)
    bool help = false;
    bool version = false;
};

ParsedCommandLine parse_command_line(int argc, char** argv);

// The core's options: what was said on the command line is the explicit argument of the precedence
// (core/key_setup.h resolves the rest from the environment and settings.json).
Options core_options(const CliOptions& options);

const char* usage_text();
// `keywizard wizard --help`.
const char* wizard_usage_text();

}  // namespace keywizard::cli
