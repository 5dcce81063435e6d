// include/keywizard/core.h on top of the key setup (core/key_setup.h).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>

#include "core/key_setup.h"
#include "keywizard/core.h"
#include "keywizard/reasons.h"
#include "net/endpoint.h"
#include "net/http_client.h"
#include "net/key_lint.h"

namespace keywizard {
namespace {

bool is_app_id_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

settings::SecretBackend backend_of(Storage storage) {
    return storage == Storage::file ? settings::SecretBackend::file : settings::SecretBackend::keyring;
}

Storage storage_of(settings::SecretBackend backend) {
    return backend == settings::SecretBackend::file ? Storage::file : Storage::keyring;
}

CheckResult refused(const std::string& problem) {
    CheckResult result;
    result.status = Status::unverified;
    result.reason = "invalid_setting";
    result.message = problem;
    return result;
}

// Sets result.problem and returns true when `options` cannot be used.
template <typename Result>
bool options_refused(const Options& options, Result& result) {
    if (auto problem = options_problem(options)) {
        result.problem = *problem;
        return true;
    }
    return false;
}

}  // namespace

void core::ensure_http() {
    static std::once_flag once;
    std::call_once(once, [] { net::init_http_globally(); });
}

const char* version() noexcept {
    return KEYWIZARD_VERSION;
}

std::optional<std::string> options_problem(const Options& options) {
    const std::string& id = options.app_id;
    if (id.empty() || id.size() > 128 || id == "." || id == ".." || id.front() == '.' ||
        !std::all_of(id.begin(), id.end(), is_app_id_character)) {
        return "The app id \"" + id.substr(0, 128) +
               "\" cannot name a folder: use 1 to 128 letters, digits, '.', '_' or '-', not starting with "
               "'.'";
    }
    if (options.timeout_seconds && (*options.timeout_seconds < 1 || *options.timeout_seconds > 600)) {
        return "The timeout must be 1 to 600 seconds";
    }
    return std::nullopt;
}

std::filesystem::path config_directory(const Options& options) {
    if (!options.config_dir.empty()) {
        return options.config_dir;
    }
    return settings::config_directory_for(options.app_id);
}

const char* to_string(Status status) noexcept {
    return net::to_string(static_cast<net::KeyStatus>(status)).data();
}

int exit_code_for(Status status) noexcept {
    return net::exit_code_for(static_cast<net::KeyStatus>(status));
}

const char* to_string(Source source) noexcept {
    switch (source) {
        case Source::argument:
            return "argument";
        case Source::environment:
            return "environment";
        case Source::settings:
            return "settings";
        case Source::default_value:
            return "default";
    }
    return "default";
}

const char* to_string(Storage storage) noexcept {
    return storage == Storage::file ? "file" : "keyring";
}

Endpoint resolve_endpoint(const Options& options) {
    settings::SettingsLoad load = core::load_settings(options);
    Endpoint endpoint = core::resolve_endpoint(options, load.settings);
    endpoint.warnings = std::move(load.warnings);
    return endpoint;
}

CheckResult check_key(const Options& options, std::string_view key) {
    return check_key(options, key, CheckOptions{});
}

CheckResult check_key(const Options& options, std::string_view key, const CheckOptions& how) {
    return core::check_key_cancellable(options, std::string(key), how, nullptr);
}

CheckResult core::check_key_cancellable(const Options& options, std::string key, const CheckOptions& how,
                                        net::CancelTokenPtr cancel) {
    if (auto problem = options_problem(options)) {
        return refused(*problem);
    }
    core::ensure_http();
    const settings::SettingsLoad load = core::load_settings(options);
    net::KeyCheckRequest request =
        core::check_request(options, load.settings, std::move(key), std::move(cancel));
    request.generate = how.generate;
    const net::KeyCheckOutcome outcome = net::check_key(request);
    request.raw_key.assign(request.raw_key.size(), '\0');
    return core::to_check_result(outcome, request.endpoint.base_url);
}

LoadResult load_key_checked(const Options& options) {
    LoadResult result;
    if (auto problem = options_problem(options)) {
        result.reason = "invalid_setting";
        result.message = *problem;
        return result;
    }
    core::KeySource source = core::find_key(options);
    if (source.from == core::KeySource::From::none) {
        const bool missing = source.store_state == settings::SecretReadState::not_found;
        result.reason = missing ? "no_key" : "unreadable";
        result.message = missing ? std::string("No key is stored.") : source.problem;
        return result;
    }
    if (source.from == core::KeySource::From::store) {
        const settings::SettingsLoad load = core::load_settings(options);
        if (const auto change = core::endpoint_change(core::resolve_endpoint(options, load.settings),
                                                      load.settings.verified_base_url)) {
            result.reason = "endpoint_changed";
            result.message = core::endpoint_changed_outcome(*change, net::mask_key(source.key)).message;
            result.verified_base_url = change->verified_base_url;
            result.base_url = change->base_url;
            result.from = change->from;
            source.key.assign(source.key.size(), '\0');
            return result;
        }
    }
    net::KeyLintResult lint = net::lint_key(source.key);
    source.key.assign(source.key.size(), '\0');
    if (!lint.ok()) {
        result.reason = "malformed_key";
        result.message =
            (source.from == core::KeySource::From::environment ? "OPENAI_API_KEY is not a key: "
                                                               : "The stored key is not a key: ") +
            lint.problem;
        return result;
    }
    result.reason = "ok";
    result.key = std::move(lint.key);
    return result;
}

std::optional<std::string> load_key(const Options& options) {
    return load_key_checked(options).key;
}

StoredKeyInfo stored_key(const Options& options) {
    StoredKeyInfo info;
    if (options_refused(options, info)) {
        return info;
    }
    settings::KeyStorage storage = core::open_storage(options);
    const settings::SettingsLoad load = storage.settings_file().load();
    settings::StoredKey stored = storage.read_key();
    info.stored = stored.state == settings::SecretReadState::found;
    if (info.stored) {
        info.masked_key = net::mask_key(stored.key);
    } else if (stored.state != settings::SecretReadState::not_found) {
        info.problem = stored.message;
    }
    if (stored.backend) {
        info.storage = storage_of(*stored.backend);
    }
    info.location = stored.location;
    info.last_check_status = load.settings.last_check_status;
    info.last_check_reason = load.settings.last_check_reason;
    info.last_check_time = load.settings.last_check_time;
    info.verified_base_url = load.settings.verified_base_url;
    info.environment_key_masked = core::environment_key_override(info.stored ? stored.key : std::string());
    stored.key.assign(stored.key.size(), '\0');
    return info;
}

SaveResult save_key(const Options& options, std::string_view key, Storage storage,
                    const CheckResult* checked) {
    SaveResult result;
    if (auto problem = options_problem(options)) {
        result.message = *problem + "; nothing was saved";
        return result;
    }
    const net::KeyLintResult lint = net::lint_key(key);
    if (!lint.ok()) {
        result.message = "Not a key: " + lint.problem + ". Nothing was saved.";
        return result;
    }
    // Saved unchecked or not, load_key would hand it to the host for this base URL.
    if (const auto refusal =
            net::other_providers_key_refusal(lint.key, resolve_endpoint(options).base_url.value)) {
        result.message = refusal->message + " Nothing was saved.";
        return result;
    }
    net::KeyCheckOutcome outcome;
    core::SaveRequest request;
    request.key = lint.key;
    request.backend = backend_of(storage);
    if (checked != nullptr) {
        outcome.status = static_cast<net::KeyStatus>(checked->status);
        outcome.reason = net::reason_named(checked->reason).value_or(net::Reason::ok);
        request.checked = &outcome;
        request.checked_base_url = checked->base_url;
    }
    const settings::StorageStatus status = core::save(options, request);
    result.saved = status.ok;
    result.storage = storage;
    result.location = core::open_storage(options).location_of(request.backend);
    result.message = status.message;
    return result;
}

ForgetResult forget_key(const Options& options) {
    if (auto problem = options_problem(options)) {
        return {false, *problem};
    }
    const settings::StorageStatus status = core::open_storage(options).forget_key();
    return {status.ok, status.message};
}

bool needs_setup(const Options& options) {
    if (options_problem(options)) {
        return false;
    }
    settings::KeyStorage storage = core::open_storage(options);
    const settings::SettingsLoad load = storage.settings_file().load();
    return core::needs_setup(load.settings, storage.read_key().state);
}

bool recheck_due(const Options& options) {
    if (options_problem(options)) {
        return false;
    }
    return core::recheck_due(core::load_settings(options).settings, std::chrono::system_clock::now());
}

void record_setup_skipped(const Options& options) {
    if (!options_problem(options)) {
        core::record_setup_skipped(options);
    }
}

SavedSettingsRead saved_settings(const Options& options) {
    SavedSettingsRead read;
    if (options_refused(options, read)) {
        return read;
    }
    settings::SettingsLoad load = core::load_settings(options);
    const settings::AppSettings& saved = load.settings;
    read.settings = {saved.base_url,        saved.organization, saved.project,
                     saved.ca_file,         saved.proxy,        saved.timeout_seconds,
                     saved.required_models, saved.probe_model,  saved.recheck_interval_hours};
    read.warnings = std::move(load.warnings);
    return read;
}

namespace {

// Why `settings` cannot be saved, for a person; nothing when they can. The endpoint is judged as saved,
// without the environment on top (the environment may change; the file stays).
std::optional<std::string> settings_problem(const SavedSettings& settings) {
    if (settings.timeout_seconds < 1 || settings.timeout_seconds > 3600) {
        return "The timeout must be a whole number of seconds from 1 to 3600.";
    }
    if (settings.recheck_interval_hours < 0 || settings.recheck_interval_hours > 24 * 366) {
        return "The re-check interval must be from 0 (never) to 8784 hours.";
    }
    Options as_saved;
    as_saved.base_url = settings.base_url.empty() ? std::string(net::default_base_url) : settings.base_url;
    as_saved.organization = settings.organization;
    as_saved.project = settings.project;
    as_saved.ca_file = settings.ca_file;
    as_saved.proxy = settings.proxy;
    return net::endpoint_problem(core::to_net_endpoint(core::resolve_endpoint(as_saved, {})));
}

}  // namespace

SettingsSaveResult save_settings(const Options& options, const SavedSettings& settings,
                                 const CheckResult* checked) {
    if (auto problem = options_problem(options)) {
        return {false, *problem + "; nothing was saved"};
    }
    if (auto problem = settings_problem(settings)) {
        return {false, *problem + " Nothing was saved."};
    }
    settings::KeyStorage storage = core::open_storage(options);
    // The check binds the key only when it is the stored key's, passed, and went where these settings point.
    bool binds = false;
    std::string ignored;
    if (checked != nullptr) {
        settings::StoredKey stored = storage.read_key();
        const bool of_stored_key = stored.state == settings::SecretReadState::found &&
                                   net::mask_key(stored.key) == checked->masked_key;
        stored.key.assign(stored.key.size(), '\0');
        binds = of_stored_key && checked->status == Status::valid &&
                core::same_base_url(checked->base_url, settings.base_url);
        if (!binds) {
            ignored =
                " The check given with them was not recorded: it is not a passing check of the stored key "
                "at this base URL.";
        }
    }
    const std::string now = core::utc_now_iso8601();
    const settings::StorageStatus status = storage.settings_file().update([&](settings::AppSettings& saved) {
        saved.base_url = settings.base_url;
        saved.organization = settings.organization;
        saved.project = settings.project;
        saved.ca_file = settings.ca_file;
        saved.proxy = settings.proxy;
        saved.timeout_seconds = settings.timeout_seconds;
        saved.required_models = settings.required_models;
        saved.probe_model = settings.probe_model;
        saved.recheck_interval_hours = settings.recheck_interval_hours;
        if (binds) {
            saved.last_check_status = to_string(checked->status);
            saved.last_check_reason = checked->reason;
            saved.last_check_time = now;
            saved.verified_base_url = checked->base_url;
        }
    });
    if (!status.ok) {
        return {false, status.message};
    }
    return {true, "Saved the settings in " + storage.settings_file().path().string() + "." + ignored};
}

CheckResult check_stored_key(const Options& options, const CheckOptions& how) {
    return core::check_stored_key_cancellable(options, how, nullptr);
}

CheckResult core::check_stored_key_cancellable(const Options& options, const CheckOptions& how,
                                               net::CancelTokenPtr cancel) {
    if (auto problem = options_problem(options)) {
        return refused(*problem);
    }
    core::ensure_http();
    const core::StoredKeyCheck check = core::check_stored_key(options, cancel, how.generate);
    CheckResult result = core::to_check_result(check.outcome, check.base_url);
    if (check.unreadable) {
        result.reason = reason::unreadable;
    }
    return result;
}

std::string mask_key(std::string_view key) {
    return net::mask_key(key);
}

}  // namespace keywizard
