#include "wizard/pages/wizard_storage.h"

#include "core/key_setup.h"
#include "core/rules.h"

namespace keywizard::ui {
namespace {

// A field the person changed is theirs to decide; empty means "none" (the default for the base URL).
void take_if_typed(std::optional<std::string>& option, const std::string& started, const std::string& now) {
    if (now != started) {
        option = now;
    }
}

}  // namespace

WizardStartFacts probe_wizard_start(const Options& app) {
    WizardStartFacts facts;
    settings::KeyStorage storage = core::open_storage(app);
    auto loaded = storage.settings_file().load();
    const Endpoint endpoint = core::resolve_endpoint(app, loaded.settings);
    // The default base URL shows as the field's hint, not as text (AdvancedEndpointPane::GetFields).
    const bool default_base = endpoint.base_url.source == Source::default_value;
    facts.resolved = {default_base ? std::string() : endpoint.base_url.value, endpoint.organization.value,
                      endpoint.project.value, endpoint.ca_file.value, endpoint.proxy.value};
    facts.settings = std::move(loaded.settings);
    facts.warnings = std::move(loaded.warnings);
    facts.keyring_problem = storage.keyring_unavailable_reason();
    facts.keyring_location = storage.location_of(settings::SecretBackend::keyring);
    facts.file_location = storage.location_of(settings::SecretBackend::file);
    // The stored key is read only to be compared with OPENAI_API_KEY (the start page's "overrides" notice).
    // A read opens a Secret Service session, a key exchange on both sides, which competes with the first
    // page for the processor: none is opened when there is no environment key to compare.
    if (core::environment_key_override("").empty()) {
        return facts;
    }
    settings::StoredKey stored = storage.read_key();
    const bool found = stored.state == settings::SecretReadState::found;
    facts.stored_masked_key = found ? core::mask_key(stored.key) : std::string();
    facts.environment_key_masked = core::environment_key_override(found ? stored.key : "");
    stored.key.assign(stored.key.size(), '\0');
    return facts;
}

Options options_with_fields(const Options& app, const EndpointFields& started, const EndpointFields& now) {
    Options options = app;
    take_if_typed(options.base_url, started.base_url, now.base_url);
    take_if_typed(options.organization, started.organization, now.organization);
    take_if_typed(options.project, started.project, now.project);
    take_if_typed(options.ca_file, started.ca_file, now.ca_file);
    take_if_typed(options.proxy, started.proxy, now.proxy);
    return options;
}

net::KeyCheckRequest wizard_check_request(const Options& app, const settings::AppSettings& saved,
                                          std::string key) {
    return core::check_request(app, saved, std::move(key));
}

SaveKeyResult save_tested_key(const SaveKeyRequest& request) {
    SaveKeyResult result;
    result.backend = request.backend;
    result.location = core::open_storage(request.app).location_of(request.backend);
    result.masked_key = core::mask_key(request.key);
    result.tested = request.tested;
    result.tested_base_url = request.tested_base_url;
    core::SaveRequest save;
    save.key = request.key;
    save.backend = request.backend;
    save.checked = &request.tested;
    save.checked_base_url = request.tested_base_url;
    result.status = core::save(request.app, save);
    return result;
}

settings::StorageStatus record_first_run_skipped(const Options& app) {
    return core::record_setup_skipped(app);
}

}  // namespace keywizard::ui
