#pragma once

#include <optional>
#include <string>
#include <vector>

#include "net/models_check.h"
#include "settings/app_settings.h"

namespace keywizard::cli {

// Exit codes from DESIGN.md that are not key statuses.
inline constexpr int exit_storage_failure = 5;
inline constexpr int exit_usage = 64;

// What was said on the command line, before the environment and settings.json fill the gaps.
struct CliOptions {
    std::string command;
    bool from_stdin = false;
    bool json = false;
    bool no_check = false;
    bool allow_limited = false;
    std::optional<settings::SecretBackend> store;
    std::optional<std::string> base_url;
    std::optional<std::string> organization;
    std::optional<std::string> project;
    std::optional<std::string> ca_file;
    std::optional<std::string> proxy;
    std::optional<int> timeout_seconds;
    std::vector<std::string> required_models;
};

struct ParsedCommandLine {
    CliOptions options;
    std::string error;  // for a person; non-empty means usage error (exit 64)
    bool help = false;
    bool version = false;
};

ParsedCommandLine parse_command_line(int argc, char** argv);

// Precedence for each field: command line, else environment (OPENAI_BASE_URL, OPENAI_ORG_ID,
// OPENAI_PROJECT_ID, SSL_CERT_FILE, libcurl's proxy variables), else settings.json, else the default.
net::Endpoint resolve_endpoint(const CliOptions& options, const settings::AppSettings& saved);
std::vector<std::string> resolve_required_models(const CliOptions& options,
                                                 const settings::AppSettings& saved);

const char* usage_text();

}  // namespace keywizard::cli
