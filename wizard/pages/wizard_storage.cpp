#include "wizard/pages/wizard_storage.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>

#include "settings/key_storage.h"

namespace keywizard::ui {
namespace {

std::string env_or_empty(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

void fill_blank(std::string& field, const char* variable) {
    if (field.empty()) {
        field = env_or_empty(variable);
    }
}

}  // namespace

net::Endpoint endpoint_from(const EndpointFields& fields, int timeout_seconds) {
    net::Endpoint endpoint;
    if (!fields.base_url.empty()) {
        endpoint.base_url = fields.base_url;
    }
    endpoint.organization = fields.organization;
    endpoint.project = fields.project;
    endpoint.ca_file = fields.ca_file;
    endpoint.proxy = fields.proxy;
    if (timeout_seconds > 0) {
        endpoint.timeout = std::chrono::seconds(timeout_seconds);
    }
    return endpoint;
}

WizardStartFacts probe_wizard_start(const std::filesystem::path& config_dir) {
    WizardStartFacts facts;
    settings::KeyStorage storage(config_dir);
    auto loaded = storage.settings_file().load();
    facts.settings = std::move(loaded.settings);
    facts.warnings = std::move(loaded.warnings);
    facts.keyring_problem = storage.keyring_unavailable_reason();
    facts.keyring_location = storage.location_of(settings::SecretBackend::keyring);
    facts.file_location = storage.location_of(settings::SecretBackend::file);
    return facts;
}

EndpointFields endpoint_fields_from(const settings::AppSettings& settings) {
    EndpointFields fields{settings.base_url, settings.organization, settings.project, settings.ca_file,
                          settings.proxy};
    fill_blank(fields.base_url, "OPENAI_BASE_URL");
    fill_blank(fields.organization, "OPENAI_ORG_ID");
    fill_blank(fields.project, "OPENAI_PROJECT_ID");
    fill_blank(fields.ca_file, "SSL_CERT_FILE");
    return fields;
}

SaveKeyResult save_tested_key(const SaveKeyRequest& request) {
    SaveKeyResult result;
    result.backend = request.backend;
    settings::KeyStorage storage(request.config_dir);
    result.location = storage.location_of(request.backend);
    result.status = storage.save_key(request.key, request.backend);
    if (!result.status.ok) {
        return result;
    }
    const std::string checked_at = utc_now_iso8601();
    auto recorded = storage.settings_file().update([&](settings::AppSettings& saved) {
        // The default base URL is saved as "default", so a later change of the default applies.
        saved.base_url =
            request.endpoint.base_url == net::default_base_url ? std::string() : request.endpoint.base_url;
        saved.organization = request.endpoint.organization;
        saved.project = request.endpoint.project;
        saved.ca_file = request.endpoint.ca_file;
        saved.proxy = request.endpoint.proxy;
        saved.first_run = settings::FirstRunState::completed;
        saved.last_check_status = std::string(net::to_string(request.tested.status));
        saved.last_check_reason = std::string(net::to_string(request.tested.reason));
        saved.last_check_time = checked_at;
    });
    if (!recorded.ok) {
        // The key itself is stored and works: not a failure, but the person must hear about the rest.
        result.warning = "The connection settings could not be saved: " + recorded.message;
    }
    return result;
}

settings::StorageStatus record_first_run_skipped(const std::filesystem::path& config_dir) {
    settings::SettingsFile file(config_dir);
    return file.update([](settings::AppSettings& saved) {
        if (saved.first_run == settings::FirstRunState::pending) {
            saved.first_run = settings::FirstRunState::skipped;
        }
    });
}

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace keywizard::ui
