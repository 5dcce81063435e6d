#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/key_setup.h"
#include "net/key_lint.h"
#include "net/printable_text.h"

namespace keywizard::cli {
namespace {

// Everything shown here came from outside (settings.json, the environment, argv): nothing in it may move
// the cursor, reorder the line or hide text, and a proxy's password is never shown.
std::string or_default(const std::string& value, const char* fallback) {
    return value.empty() ? fallback : net::printable_text(value);
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + net::printable_text(item);
    }
    return text;
}

std::string proxy_shown(const std::string& proxy) {
    return net::printable_text(net::mask_url_credentials(proxy));
}

// " (from OPENAI_BASE_URL)", " (from --base-url)", "" for settings.json and defaults.
std::string origin(const Setting& setting, const char* option) {
    switch (setting.source) {
        case Source::argument:
            return std::string(" (from ") + option + ")";
        case Source::environment:
            return " (from " + setting.variable + ")";
        case Source::settings:
        case Source::default_value:
            return {};
    }
    return {};
}

void print_plain(const StoredKeyInfo& stored, const Endpoint& endpoint) {
    if (stored.stored) {
        std::printf("Key:             %s\n", stored.masked_key.c_str());
        std::printf("Stored in:       %s\n", net::printable_text(stored.location).c_str());
    } else {
        std::printf("Key:             not stored (save one with `keywizard set` or `keywizard wizard`)\n");
    }
    if (!stored.environment_key_masked.empty()) {
        if (stored.stored) {
            std::printf(
                "Environment:     your environment's key %s overrides the stored %s for tools that "
                "read OPENAI_API_KEY (keywizard exec passes the stored one)\n",
                stored.environment_key_masked.c_str(), stored.masked_key.c_str());
        } else {
            std::printf("Environment:     OPENAI_API_KEY %s is used by tools that read it; none is stored\n",
                        stored.environment_key_masked.c_str());
        }
    }
    std::printf("Base URL:        %s%s\n", net::printable_text(endpoint.base_url.value).c_str(),
                origin(endpoint.base_url, "--base-url").c_str());
    std::printf("Organization:    %s%s\n", or_default(endpoint.organization.value, "(none)").c_str(),
                origin(endpoint.organization, "--organization").c_str());
    std::printf("Project:         %s%s\n", or_default(endpoint.project.value, "(none)").c_str(),
                origin(endpoint.project, "--project").c_str());
    std::printf("Proxy:           %s%s\n",
                or_default(proxy_shown(endpoint.proxy.value), "(libcurl's proxy variables)").c_str(),
                origin(endpoint.proxy, "--proxy").c_str());
    std::printf("CA file:         %s%s\n", or_default(endpoint.ca_file.value, "(system store)").c_str(),
                origin(endpoint.ca_file, "--ca-file").c_str());
    std::printf("Timeout:         %d s\n", endpoint.timeout_seconds);
    std::printf("Required models: %s\n", or_default(joined(endpoint.required_models), "(none)").c_str());
    if (!stored.last_check_status.empty()) {
        settings::AppSettings last;
        last.last_check_status = stored.last_check_status;
        last.last_check_reason = stored.last_check_reason;
        last.last_check_time = stored.last_check_time;
        std::printf("Last check:      %s (%s)\n",
                    core::last_check_in_words(last, std::chrono::system_clock::now()).c_str(),
                    net::printable_text(stored.last_check_time).c_str());
    }
    if (!stored.verified_base_url.empty()) {
        std::printf("Verified at:     %s\n", net::printable_text(stored.verified_base_url).c_str());
    }
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
    json["proxy"] = net::mask_url_credentials(endpoint.proxy.value);
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
        std::fprintf(stderr, "keywizard: could not read the stored key: %s\n", stored.problem.c_str());
        return exit_storage_failure;
    }
    const Endpoint endpoint = core::resolve_endpoint(app, saved);
    if (options.json) {
        print_json(stored, endpoint);
    } else {
        print_plain(stored, endpoint);
    }
    return stored.stored ? 0 : net::exit_code_for(net::KeyStatus::rejected);
}

int run_forget(const CliOptions& options) {
    const ForgetResult forgotten = keywizard::forget_key(core_options(options));
    if (!forgotten.ok) {
        std::fprintf(stderr, "keywizard: could not remove the key: %s\n", forgotten.message.c_str());
        return exit_storage_failure;
    }
    std::printf("%s\n", forgotten.message.c_str());
    return 0;
}

}  // namespace keywizard::cli
