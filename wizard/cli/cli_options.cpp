#include "wizard/cli/cli_options.h"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace keywizard::cli {
namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

bool any_proxy_variable_set() {
    for (const char* name : {"HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"}) {
        if (environment(name)) {
            return true;
        }
    }
    return false;
}

// Options that take a value accept both "--name value" and "--name=value".
struct ValueOption {
    std::string_view name;
    std::optional<std::string> CliOptions::*field;
};

constexpr ValueOption string_options[] = {
    {"--base-url", &CliOptions::base_url}, {"--organization", &CliOptions::organization},
    {"--project", &CliOptions::project},   {"--ca-file", &CliOptions::ca_file},
    {"--proxy", &CliOptions::proxy},
};

bool takes_key_on_stdin(std::string_view command) {
    return command == "check" || command == "set";
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, char** argv) {
    ParsedCommandLine parsed;
    CliOptions& options = parsed.options;
    if (argc < 2) {
        parsed.help = true;
        return parsed;
    }
    options.command = argv[1];
    if (options.command == "--help" || options.command == "-h" || options.command == "help") {
        parsed.help = true;
        return parsed;
    }
    if (options.command == "--version") {
        parsed.version = true;
        return parsed;
    }

    for (int i = 2; i < argc; ++i) {
        std::string_view arg = argv[i];
        std::string_view name = arg;
        std::optional<std::string> inline_value;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            inline_value = std::string(arg.substr(eq + 1));
        }
        auto take_value = [&]() -> std::optional<std::string> {
            if (inline_value) {
                return inline_value;
            }
            if (i + 1 >= argc) {
                parsed.error = std::string(name) + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };

        if (name == "--help" || name == "-h") {
            parsed.help = true;
            return parsed;
        }
        if (name == "--stdin" && takes_key_on_stdin(options.command) && !inline_value) {
            options.from_stdin = true;
            continue;
        }
        if (name == "--json" && !inline_value) {
            options.json = true;
            continue;
        }
        if (name == "--no-check" && options.command == "set" && !inline_value) {
            options.no_check = true;
            continue;
        }
        if (name == "--allow-limited" && options.command == "set" && !inline_value) {
            options.allow_limited = true;
            continue;
        }
        if (name == "--store" && options.command == "set") {
            const auto value = take_value();
            if (!value) {
                return parsed;
            }
            if (*value == "keyring") {
                options.store = settings::SecretBackend::keyring;
            } else if (*value == "file") {
                options.store = settings::SecretBackend::file;
            } else {
                parsed.error = "--store takes keyring or file, not \"" + *value + "\"";
                return parsed;
            }
            continue;
        }
        if (name == "--timeout") {
            const auto value = take_value();
            if (!value) {
                return parsed;
            }
            int seconds = 0;
            const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
            if (ec != std::errc() || end != value->data() + value->size() || seconds < 1 || seconds > 600) {
                parsed.error = "--timeout takes whole seconds from 1 to 600, not \"" + *value + "\"";
                return parsed;
            }
            options.timeout_seconds = seconds;
            continue;
        }
        if (name == "--require-model") {
            const auto value = take_value();
            if (!value) {
                return parsed;
            }
            options.required_models.push_back(*value);
            continue;
        }
        bool matched = false;
        for (const auto& option : string_options) {
            if (name == option.name) {
                const auto value = take_value();
                if (!value) {
                    return parsed;
                }
                options.*option.field = *value;
                matched = true;
                break;
            }
        }
        if (matched) {
            continue;
        }
        if (arg.starts_with("sk-") || arg.size() >= 20) {
            // Looks like someone passed the key itself: argv is visible to every user via /proc.
            parsed.error =
                "the key is never taken from the command line (other users can read it there); "
                "pipe it to --stdin instead";
            return parsed;
        }
        parsed.error = "unknown option \"" + std::string(arg) + "\" for \"" + options.command + "\"";
        return parsed;
    }
    return parsed;
}

net::Endpoint resolve_endpoint(const CliOptions& options, const settings::AppSettings& saved) {
    auto pick = [](const std::optional<std::string>& flag, const char* variable,
                   const std::string& from_settings) -> std::string {
        if (flag) {
            return *flag;
        }
        if (variable != nullptr) {
            if (auto value = environment(variable)) {
                return *value;
            }
        }
        return from_settings;
    };
    net::Endpoint endpoint;
    endpoint.base_url = pick(options.base_url, "OPENAI_BASE_URL", saved.base_url);
    if (endpoint.base_url.empty()) {
        endpoint.base_url = net::default_base_url;
    }
    endpoint.organization = pick(options.organization, "OPENAI_ORG_ID", saved.organization);
    endpoint.project = pick(options.project, "OPENAI_PROJECT_ID", saved.project);
    endpoint.ca_file = pick(options.ca_file, "SSL_CERT_FILE", saved.ca_file);
    // An empty proxy lets libcurl read its own variables, so those only need to win over settings.json.
    endpoint.proxy = options.proxy ? *options.proxy : (any_proxy_variable_set() ? "" : saved.proxy);
    const int seconds =
        options.timeout_seconds.value_or(saved.timeout_seconds > 0 ? saved.timeout_seconds : 30);
    endpoint.timeout = std::chrono::seconds(seconds);
    return endpoint;
}

std::vector<std::string> resolve_required_models(const CliOptions& options,
                                                 const settings::AppSettings& saved) {
    return options.required_models.empty() ? saved.required_models : options.required_models;
}

const char* usage_text() {
    return R"(Usage: keywizard [COMMAND] [OPTIONS]

Commands:
  (none)            open the app; the setup wizard opens by itself when no key is stored
  wizard            open the setup wizard
  check [--stdin] [--json]
                    check a key: from standard input with --stdin, else OPENAI_API_KEY, else the stored key
  set [--store keyring|file] [--no-check] [--allow-limited] [--json]
                    read a key from standard input, check it, and save it only if it works
  show [--json]     the stored key (masked), where it is stored, and the endpoint settings
  forget            remove the stored key

Options for check and set:
  --base-url URL         API base (else OPENAI_BASE_URL, else settings, else https://api.openai.com/v1)
  --organization ID      sent as OpenAI-Organization (else OPENAI_ORG_ID, else settings)
  --project ID           sent as OpenAI-Project (else OPENAI_PROJECT_ID, else settings)
  --ca-file PATH         trusted CA certificates (else SSL_CERT_FILE, else settings, else the system's)
  --proxy URL            proxy (else HTTPS_PROXY/ALL_PROXY, else settings)
  --timeout SECONDS      whole check, 1..600 (default 30)
  --require-model ID     fail as "limited" unless the key can see this model (repeatable)

The key is never taken from the command line. With set, --base-url, --organization and --project are
saved with the key.

Exit codes: 0 valid, 2 rejected, 3 limited, 4 unverified (network, server), 5 storage failure, 64 usage.
)";
}

}  // namespace keywizard::cli
