#include "cli/cli_options.h"

#include <charconv>
#include <string_view>

#include "cli/cli_text.h"

namespace keywizard::cli {
namespace {

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

std::optional<std::string> app_id_problem(const std::string& app_id) {
    Options probe;
    probe.app_id = app_id;
    return options_problem(probe);
}

bool takes_key_on_stdin(std::string_view command) {
    return command == "check" || command == "set";
}

bool takes_store(std::string_view command) {
    return command == "set" || command == "import";
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
                parsed.error = format(tr("%s needs a value"), std::string(name).c_str());
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };

        // exec: everything after "--" (or from the first word that is not an option) is the command, as is.
        if (options.command == "exec" && (arg == "--" || !arg.starts_with("-"))) {
            for (int j = arg == "--" ? i + 1 : i; j < argc; ++j) {
                options.arguments.emplace_back(argv[j]);
            }
            if (options.arguments.empty()) {
                parsed.error = tr("exec needs a command to run: keywizard exec -- COMMAND [ARGS...]");
            }
            return parsed;
        }
        if (name == "--help" || name == "-h") {
            parsed.help = true;
            return parsed;
        }
        if (options.command == "import" && !arg.starts_with("-") && options.arguments.empty()) {
            options.arguments.emplace_back(arg);
            continue;
        }
        if (name == "--remove-from-file" && options.command == "import" && !inline_value) {
            options.remove_from_file = true;
            continue;
        }
        if (name == "--stdin" && takes_key_on_stdin(options.command) && !inline_value) {
            options.from_stdin = true;
            continue;
        }
        if (name == "--json" && !inline_value) {
            options.json = true;
            continue;
        }
        if (name == "--generate" && takes_key_on_stdin(options.command) && !inline_value) {
            options.generate = true;
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
        if (name == "--store" && takes_store(options.command)) {
            const auto value = take_value();
            if (!value) {
                return parsed;
            }
            if (*value == "keyring") {
                options.store = settings::SecretBackend::keyring;
            } else if (*value == "file") {
                options.store = settings::SecretBackend::file;
            } else {
                parsed.error = format(tr("--store takes keyring or file, not \"%s\""), value->c_str());
                return parsed;
            }
            continue;
        }
        if (name == "--app-id") {
            const auto value = take_value();
            if (!value) {
                return parsed;
            }
            if (const auto problem = app_id_problem(*value)) {
                parsed.error = "--app-id: " + *problem;
                return parsed;
            }
            options.app_id = *value;
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
                parsed.error =
                    format(tr("--timeout takes whole seconds from 1 to 600, not \"%s\""), value->c_str());
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
                tr("the key is never taken from the command line (other users can read it there); "
                   "pipe it to --stdin instead");
            return parsed;
        }
        parsed.error =
            format(tr("unknown option \"%s\" for \"%s\""), std::string(arg).c_str(), options.command.c_str());
        return parsed;
    }
    if (options.command == "exec") {
        parsed.error = tr("exec needs a command to run: keywizard exec -- COMMAND [ARGS...]");
    } else if (options.command == "import" && options.arguments.empty()) {
        parsed.error = tr("import needs the dotenv file to read: keywizard import FILE");
    }
    return parsed;
}

Options core_options(const CliOptions& options) {
    Options core;
    core.app_id = options.app_id;
    core.base_url = options.base_url;
    core.organization = options.organization;
    core.project = options.project;
    core.ca_file = options.ca_file;
    core.proxy = options.proxy;
    core.timeout_seconds = options.timeout_seconds;
    core.required_models = options.required_models;
    return core;
}

const char* usage_text() {
    // TRANSLATORS: keep commands, options, variable names, file names and exit codes as they are; translate
    // the explanations and keep the lines under 110 columns.
    return tr(R"(Usage: keywizard [COMMAND] [OPTIONS]

Commands:
  (none)            open the app; the setup wizard opens by itself when no key is stored
  wizard            open the setup wizard
  check [--stdin] [--generate] [--json]
                    check a key: from standard input with --stdin, else OPENAI_API_KEY, else the stored key
  set [--store keyring|file] [--no-check] [--allow-limited] [--generate] [--json]
                    read a key from standard input, check it, and save it only if it works
  show [--json]     the stored key (masked), where it is stored, and the endpoint a check would use
  forget            remove the stored key
  exec [--app-id ID] -- COMMAND [ARGS...]
                    run COMMAND (no shell) with the stored key in OPENAI_API_KEY, and OPENAI_BASE_URL,
                    OPENAI_ORG_ID, OPENAI_PROJECT_ID when set by an option or settings; COMMAND replaces
                    keywizard, so its exit status and signals are the command's own (127: not found)
  import FILE [--remove-from-file] [--store keyring|file] [--json]
                    check the OPENAI_API_KEY of a dotenv file and store it; --remove-from-file then
                    removes that line from FILE, keeping every other line and the file's permissions
  providers [--json] the model providers keywizard knows and how their keys start: another provider's key
                    where the OpenAI key goes is named and never sent (docs/providers.md)

Every command takes --app-id ID (default keywizard): the app whose key it is (its config folder
$XDG_CONFIG_HOME/ID and its keyring entry). `keywizard wizard --help` lists the wizard's options.

Options for check and set:
  --base-url URL         API base (else OPENAI_BASE_URL, else settings, else https://api.openai.com/v1)
  --organization ID      sent as OpenAI-Organization (else OPENAI_ORG_ID, else settings)
  --project ID           sent as OpenAI-Project (else OPENAI_PROJECT_ID, else settings)
  --ca-file PATH         trusted CA certificates (else SSL_CERT_FILE, else settings, else the system's)
  --proxy URL            proxy (else HTTPS_PROXY/ALL_PROXY, else settings)
  --timeout SECONDS      whole check, 1..600 (default 30)
  --require-model ID     fail as "limited" unless the key can see this model (repeatable)
  --generate             after the model list, send one tiny request (at most 16 tokens, a tiny fraction
                         of a cent) to find out whether the key can write text: a read-only key, an account
                         without credit or a project that may not use the model is then "limited". The
                         model: settings.json's probe_model, else the cheapest one listed. Without
                         --generate nothing but the free model list is asked for.

Precedence, the same for the app and the wizard: option > environment variable > settings.json > default.
The key is never taken from the command line. With set, the options given are saved with the key (an
environment variable's value is not). A stored key is only sent (check, exec) to the base URL it was
last verified against; another one, from OPENAI_BASE_URL or settings.json, is refused (exit 4,
endpoint_changed) unless named with --base-url.

Exit codes: 0 valid, 2 rejected, 3 limited, 4 unverified (network, server), 5 storage failure, 64 usage,
69 no display for `keywizard` or `keywizard wizard`.
)");
}

const char* wizard_usage_text() {
    // TRANSLATORS: keep options, values (saved|skipped|cancelled), JSON field names and exit codes as they
    // are.
    return tr(R"(Usage: keywizard wizard [--app-id ID] [--app-name NAME] [--content FILE]
                        [--change-key-later TEXT] [--json]

Opens the setup wizard: it explains how to create an OpenAI account and an API key, tests the pasted key
and saves it only once the API accepted it.

  --app-id ID      the app whose key it is (default keywizard): config folder $XDG_CONFIG_HOME/ID and
                   the keyring entry's application. For apps not written in C++ (docs/embedding.md).
  --app-name NAME  the app's name as the person knows it
  --content FILE   the app's own words and pictures for the wizard, in the format of keywizard's
                   wizard_content.json: the pages it lists replace keywizard's (docs/content_file.md)
  --change-key-later TEXT
                   where the person changes the key later in the app, for the last page:
                   "Preferences > Accounts" (default: the app's settings)
  --json           when the wizard closes, print one JSON object on standard output: result
                   (saved|skipped|cancelled), saved, key (masked), backend, location, status, reason

Exit codes: 0 a key was saved, 1 closed without saving, 64 usage, 69 no display (or the windows'
module is missing).
)");
}

}  // namespace keywizard::cli
