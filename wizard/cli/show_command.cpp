#include <cstdio>

#define JSON_USE_IMPLICIT_CONVERSIONS 0
#include <nlohmann/json.hpp>

#include "net/check_outcome.h"
#include "net/key_lint.h"
#include "net/models_check.h"
#include "settings/key_storage.h"
#include "wizard/cli/commands.h"

namespace keywizard::cli {
namespace {

std::string or_default(const std::string& value, const char* fallback) {
    return value.empty() ? fallback : value;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + item;
    }
    return text;
}

void print_plain(const settings::StoredKey& stored, const settings::AppSettings& s) {
    if (stored.state == settings::SecretReadState::found) {
        std::printf("Key:             %s\n", net::mask_key(stored.key).c_str());
        std::printf("Stored in:       %s\n", stored.location.c_str());
    } else {
        std::printf("Key:             not stored (save one with `keywizard set` or `keywizard wizard`)\n");
    }
    std::printf("Base URL:        %s\n", or_default(s.base_url, net::default_base_url).c_str());
    std::printf("Organization:    %s\n", or_default(s.organization, "(none)").c_str());
    std::printf("Project:         %s\n", or_default(s.project, "(none)").c_str());
    std::printf("Proxy:           %s\n", or_default(s.proxy, "(libcurl's proxy variables)").c_str());
    std::printf("CA file:         %s\n", or_default(s.ca_file, "(system store)").c_str());
    std::printf("Timeout:         %d s\n", s.timeout_seconds);
    std::printf("Required models: %s\n", or_default(joined(s.required_models), "(none)").c_str());
    if (!s.last_check_status.empty()) {
        std::printf("Last check:      %s (%s) at %s\n", s.last_check_status.c_str(),
                    s.last_check_reason.c_str(), s.last_check_time.c_str());
    }
}

void print_json(const settings::StoredKey& stored, const settings::AppSettings& s) {
    const bool found = stored.state == settings::SecretReadState::found;
    nlohmann::ordered_json json;
    json["stored"] = found;
    json["key"] = found ? nlohmann::ordered_json(net::mask_key(stored.key)) : nlohmann::ordered_json(nullptr);
    json["backend"] = found && stored.backend ? nlohmann::ordered_json(settings::to_string(*stored.backend))
                                              : nlohmann::ordered_json(nullptr);
    json["location"] = found ? nlohmann::ordered_json(stored.location) : nlohmann::ordered_json(nullptr);
    json["base_url"] = or_default(s.base_url, net::default_base_url);
    json["organization"] = s.organization;
    json["project"] = s.project;
    json["proxy"] = s.proxy;
    json["ca_file"] = s.ca_file;
    json["timeout_seconds"] = s.timeout_seconds;
    json["required_models"] = s.required_models;
    if (!s.last_check_status.empty()) {
        json["last_check"] = {
            {"status", s.last_check_status}, {"reason", s.last_check_reason}, {"time", s.last_check_time}};
    }
    std::puts(json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

}  // namespace

int run_show(const CliOptions& options) {
    const settings::AppSettings saved = load_settings_reporting_problems();
    settings::KeyStorage storage(settings::default_config_directory());
    const settings::StoredKey stored = storage.read_key();
    if (stored.state == settings::SecretReadState::unavailable ||
        stored.state == settings::SecretReadState::failed) {
        std::fprintf(stderr, "keywizard: could not read the stored key: %s\n", stored.message.c_str());
        return exit_storage_failure;
    }
    if (options.json) {
        print_json(stored, saved);
    } else {
        print_plain(stored, saved);
    }
    return stored.state == settings::SecretReadState::found ? 0
                                                            : net::exit_code_for(net::KeyStatus::rejected);
}

int run_forget(const CliOptions&) {
    settings::KeyStorage storage(settings::default_config_directory());
    const settings::StorageStatus status = storage.forget_key();
    if (!status.ok) {
        std::fprintf(stderr, "keywizard: could not remove the key: %s\n", status.message.c_str());
        return exit_storage_failure;
    }
    std::printf("%s\n", status.message.c_str());
    return 0;
}

}  // namespace keywizard::cli
