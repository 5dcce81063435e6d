#include <wchar.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cwchar>

#include <nlohmann/json.hpp>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::cli {
namespace {

// Everything shown here came from outside (settings.json, the environment, argv): nothing in it may move
// the cursor, reorder the line or hide text, and a proxy's password is never shown.
std::string or_default(const std::string& value, const char* fallback) {
    return value.empty() ? fallback : core::printable_text(value);
}

std::string proxy_shown(const std::string& proxy) {
    return core::printable_text(core::mask_url_credentials(proxy));
}

// " (from OPENAI_BASE_URL)", " (from --base-url)", "" for settings.json and defaults.
std::string origin(const Setting& setting, const char* option) {
    switch (setting.source) {
        case Source::argument:
            return " " + format(tr("(from %s)"), option);
        case Source::environment:
            return " " + format(tr("(from %s)"), setting.variable.c_str());
        case Source::settings:
        case Source::default_value:
            return {};
    }
    return {};
}

// Terminal columns of UTF-8 text: a Japanese label takes two columns a character.
std::size_t display_width(const std::string& text) {
    std::mbstate_t state{};
    std::size_t width = 0;
    const char* next = text.data();
    const char* const end = text.data() + text.size();
    while (next < end) {
        wchar_t character = 0;
        const std::size_t used = std::mbrtowc(&character, next, static_cast<std::size_t>(end - next), &state);
        if (used == 0 || used == static_cast<std::size_t>(-1) || used == static_cast<std::size_t>(-2)) {
            state = {};
            ++next;
            ++width;
            continue;
        }
        const int columns = ::wcwidth(character);
        width += columns > 0 ? static_cast<std::size_t>(columns) : 0;
        next += used;
    }
    return width;
}

// "Key:             sk-…wxyz": one label and value a line, values in one column after the widest label.
class FieldPrinter {
  public:
    void add(const char* label, std::string value) { rows_.push_back({label, std::move(value)}); }
    void print() const {
        std::size_t column = 17;  // "Required models: " in English
        for (const auto& row : rows_) {
            column = std::max(column, display_width(row.label) + 1);
        }
        for (const auto& row : rows_) {
            const std::string padding(column - display_width(row.label), ' ');
            std::printf("%s%s%s\n", row.label.c_str(), padding.c_str(), row.value.c_str());
        }
    }

  private:
    struct Row {
        std::string label;
        std::string value;
    };
    std::vector<Row> rows_;
};

void print_plain(const StoredKeyInfo& stored, const Endpoint& endpoint) {
    FieldPrinter fields;
    if (stored.stored) {
        fields.add(tr("Key:"), stored.masked_key);
        fields.add(tr("Stored in:"), core::printable_text(stored.location));
    } else {
        fields.add(tr("Key:"), tr("not stored (save one with `keywizard set` or `keywizard wizard`)"));
    }
    if (!stored.environment_key_masked.empty()) {
        if (stored.stored) {
            fields.add(tr("Environment:"),
                       format(tr("your environment's key %s overrides the stored %s for tools that read "
                                 "OPENAI_API_KEY (keywizard exec passes the stored one)"),
                              stored.environment_key_masked.c_str(), stored.masked_key.c_str()));
        } else {
            fields.add(tr("Environment:"),
                       format(tr("OPENAI_API_KEY %s is used by tools that read it; none is stored"),
                              stored.environment_key_masked.c_str()));
        }
    }
    const char* none = tr("(none)");
    fields.add(tr("Base URL:"),
               core::printable_text(endpoint.base_url.value) + origin(endpoint.base_url, "--base-url"));
    fields.add(tr("Organization:"), or_default(endpoint.organization.value, none) +
                                        origin(endpoint.organization, "--organization"));
    fields.add(tr("Project:"),
               or_default(endpoint.project.value, none) + origin(endpoint.project, "--project"));
    fields.add(tr("Proxy:"),
               or_default(proxy_shown(endpoint.proxy.value), tr("(libcurl's proxy variables)")) +
                   origin(endpoint.proxy, "--proxy"));
    fields.add(tr("CA file:"), or_default(endpoint.ca_file.value, tr("(system store)")) +
                                   origin(endpoint.ca_file, "--ca-file"));
    fields.add(tr("Timeout:"), format(tr("%d s"), endpoint.timeout_seconds));
    fields.add(tr("Required models:"), or_default(joined(endpoint.required_models), none));
    if (!stored.last_check_status.empty()) {
        settings::AppSettings last;
        last.last_check_status = stored.last_check_status;
        last.last_check_reason = stored.last_check_reason;
        last.last_check_time = stored.last_check_time;
        fields.add(tr("Last check:"),
                   core::last_check_in_words(last, std::chrono::system_clock::now(), cli_wording()) + " (" +
                       core::printable_text(stored.last_check_time) + ")");
    }
    if (!stored.verified_base_url.empty()) {
        fields.add(tr("Verified at:"), core::printable_text(stored.verified_base_url));
    }
    fields.print();
}

nlohmann::ordered_json string_or_null(bool present, const std::string& value) {
    return present ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

void print_json(const StoredKeyInfo& stored, const Endpoint& endpoint) {
    nlohmann::ordered_json json;
    json["stored"] = stored.stored;
    json["key"] = string_or_null(stored.stored, stored.masked_key);
    json["backend"] =
        string_or_null(stored.stored && stored.storage, stored.storage ? to_string(*stored.storage) : "");
    json["location"] = string_or_null(stored.stored, stored.location);
    json["base_url"] = endpoint.base_url.value;
    json["organization"] = endpoint.organization.value;
    json["project"] = endpoint.project.value;
    json["proxy"] = core::mask_url_credentials(endpoint.proxy.value);
    json["ca_file"] = endpoint.ca_file.value;
    json["timeout_seconds"] = endpoint.timeout_seconds;
    json["required_models"] = endpoint.required_models;
    if (!stored.last_check_status.empty()) {
        json["last_check"] = {{"status", stored.last_check_status},
                              {"reason", stored.last_check_reason},
                              {"time", stored.last_check_time}};
    }
    // Added in 0.2: where each endpoint setting came from, where the key was verified, and the environment's
    // key.
    json["sources"] = {{"base_url", to_string(endpoint.base_url.source)},
                       {"organization", to_string(endpoint.organization.source)},
                       {"project", to_string(endpoint.project.source)},
                       {"proxy", to_string(endpoint.proxy.source)},
                       {"ca_file", to_string(endpoint.ca_file.source)}};
    json["verified_base_url"] = string_or_null(!stored.verified_base_url.empty(), stored.verified_base_url);
    json["environment_key"] =
        string_or_null(!stored.environment_key_masked.empty(), stored.environment_key_masked);
    std::puts(json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

}  // namespace

int run_show(const CliOptions& options) {
    const Options app = core_options(options);
    const settings::AppSettings saved = load_settings_reporting_problems(options);
    const StoredKeyInfo stored = keywizard::stored_key(app);
    if (!stored.stored && !stored.problem.empty()) {
        std::fprintf(stderr, "keywizard: %s\n",
                     format(tr("could not read the stored key: %s"), stored.problem.c_str()).c_str());
        return exit_storage_failure;
    }
    const Endpoint endpoint = core::resolve_endpoint(app, saved);
    if (options.json) {
        print_json(stored, endpoint);
    } else {
        print_plain(stored, endpoint);
    }
    return stored.stored ? 0 : core::exit_code_for(net::KeyStatus::rejected);
}

int run_forget(const CliOptions& options) {
    const ForgetResult forgotten = keywizard::forget_key(core_options(options));
    if (!forgotten.ok) {
        std::fprintf(
            stderr, "keywizard: %s\n",
            format(tr("could not remove the key: %s"), person_words(forgotten.message).c_str()).c_str());
        return exit_storage_failure;
    }
    std::printf("%s\n", (options.json ? forgotten.message : person_words(forgotten.message)).c_str());
    return 0;
}

}  // namespace keywizard::cli
