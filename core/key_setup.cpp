#include "core/key_setup.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <utility>

#include "net/key_lint.h"
#include "net/phrase.h"
#include "net/printable_text.h"

// Marks English text for the catalog (xgettext --keyword=N_); translated where it is shown.
#define N_(text) text

namespace keywizard::core {
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

// argument > environment variable > settings.json > default ("" unless given).
Setting pick(const std::optional<std::string>& argument, const char* variable, const std::string& saved,
             const std::string& fallback = {}) {
    if (argument) {
        return {*argument, Source::argument, {}};
    }
    if (variable != nullptr) {
        if (auto value = environment(variable)) {
            return {*value, Source::environment, variable};
        }
    }
    if (!saved.empty()) {
        return {saved, Source::settings, {}};
    }
    return {fallback, Source::default_value, {}};
}

// Where a setting came from, for a person: the variable, or settings.json; empty when the caller gave it.
std::string where_from(const Setting& setting) {
    switch (setting.source) {
        case Source::environment:
            return setting.variable;
        case Source::settings:
            return "settings.json";
        case Source::argument:
        case Source::default_value:
            break;
    }
    return {};
}

}  // namespace

settings::SettingsLoad load_settings(const Options& options) {
    return settings::SettingsFile(config_directory(options)).load();
}

Endpoint resolve_endpoint(const Options& options, const settings::AppSettings& saved) {
    Endpoint endpoint;
    endpoint.base_url = pick(options.base_url, "OPENAI_BASE_URL", saved.base_url, net::default_base_url);
    if (endpoint.base_url.value.empty()) {
        endpoint.base_url.value = net::default_base_url;  // an explicit empty base URL means the default
    }
    endpoint.organization = pick(options.organization, "OPENAI_ORG_ID", saved.organization);
    endpoint.project = pick(options.project, "OPENAI_PROJECT_ID", saved.project);
    endpoint.ca_file = pick(options.ca_file, "SSL_CERT_FILE", saved.ca_file);
    // An empty proxy lets libcurl read its own variables, so those need only win over settings.json.
    if (options.proxy) {
        endpoint.proxy = {*options.proxy, Source::argument, {}};
    } else if (any_proxy_variable_set()) {
        endpoint.proxy = {{}, Source::environment, "HTTPS_PROXY"};
    } else {
        endpoint.proxy = pick(std::nullopt, nullptr, saved.proxy);
    }
    endpoint.timeout_seconds =
        options.timeout_seconds.value_or(saved.timeout_seconds > 0 ? saved.timeout_seconds : 30);
    endpoint.required_models =
        options.required_models.empty() ? saved.required_models : options.required_models;
    return endpoint;
}

net::Endpoint to_net_endpoint(const Endpoint& endpoint) {
    net::Endpoint net_endpoint;
    net_endpoint.base_url = endpoint.base_url.value;
    net_endpoint.organization = endpoint.organization.value;
    net_endpoint.project = endpoint.project.value;
    net_endpoint.ca_file = endpoint.ca_file.value;
    net_endpoint.proxy = endpoint.proxy.value;
    net_endpoint.timeout = std::chrono::seconds(endpoint.timeout_seconds);
    net_endpoint.organization_from = where_from(endpoint.organization);
    net_endpoint.project_from = where_from(endpoint.project);
    return net_endpoint;
}

net::KeyCheckRequest check_request(const Options& options, const settings::AppSettings& saved,
                                   std::string key, net::CancelTokenPtr cancel) {
    const Endpoint endpoint = resolve_endpoint(options, saved);
    net::KeyCheckRequest request;
    request.raw_key = std::move(key);
    request.endpoint = to_net_endpoint(endpoint);
    request.required_models = endpoint.required_models;
    request.cancel = std::move(cancel);
    request.probe_model = options.probe_model.value_or(saved.probe_model);
    return request;
}

CheckResult to_check_result(const net::KeyCheckOutcome& outcome, std::string base_url) {
    CheckResult result;
    result.status = static_cast<Status>(outcome.status);
    result.reason = std::string(net::to_string(outcome.reason));
    result.http_status = outcome.http_status;
    result.message = outcome.message;
    result.remedy_url = outcome.remedy_url;
    result.detail = outcome.detail;
    result.request_id = outcome.request_id;
    result.organization = outcome.organization;
    result.project = outcome.project;
    result.model_count = outcome.model_count;
    result.missing_models = outcome.missing_models;
    result.masked_key = outcome.masked_key;
    result.notes = outcome.notes;
    result.base_url = std::move(base_url);
    result.elapsed_ms = outcome.elapsed_ms;
    result.generation.checked = outcome.generation.checked;
    result.generation.model = outcome.generation.model;
    result.generation.status = static_cast<Status>(outcome.generation.status);
    result.generation.reason =
        outcome.generation.checked ? std::string(net::to_string(outcome.generation.reason)) : std::string();
    result.generation.http_status = outcome.generation.http_status;
    result.generation.message = outcome.generation.message;
    result.retry_after_s = outcome.retry_after_s;
    result.rate_limit = outcome.rate_limit;
    return result;
}

settings::KeyStorage open_storage(const Options& options) {
    return settings::KeyStorage(config_directory(options), options.app_id, options.app_name);
}

KeySource find_key(const Options& options) {
    KeySource source;
    if (auto from_environment = environment("OPENAI_API_KEY")) {
        source.from = KeySource::From::environment;
        source.key = std::move(*from_environment);
        return source;
    }
    settings::KeyStorage storage = open_storage(options);
    settings::StoredKey stored = storage.read_key();
    source.store_state = stored.state;
    if (stored.state == settings::SecretReadState::found) {
        source.from = KeySource::From::store;
        source.key = std::move(stored.key);
    } else {
        source.problem = std::move(stored.message);
    }
    return source;
}

std::string environment_key_override(std::string_view stored_key) {
    auto from_environment = environment("OPENAI_API_KEY");
    if (!from_environment) {
        return {};
    }
    net::KeyLintResult lint = net::lint_key(*from_environment);
    const std::string& environment_key = lint.ok() ? lint.key : *from_environment;
    std::string masked = environment_key == stored_key ? std::string() : net::mask_key(environment_key);
    lint.key.assign(lint.key.size(), '\0');
    from_environment->assign(from_environment->size(), '\0');
    return masked;
}

settings::StorageStatus save(const Options& options, const SaveRequest& request) {
    settings::KeyStorage storage = open_storage(options);
    const std::string checked_at = utc_now_iso8601();
    return storage.save_key(request.key, request.backend, [&](settings::AppSettings& saved) {
        // Only what the caller said explicitly is kept: an environment variable's value stays its own.
        if (options.base_url) {
            // The default is saved as "default" (absent), so a later change of the default applies.
            saved.base_url = *options.base_url == net::default_base_url ? std::string() : *options.base_url;
        }
        if (options.organization) {
            saved.organization = *options.organization;
        }
        if (options.project) {
            saved.project = *options.project;
        }
        if (options.ca_file) {
            saved.ca_file = *options.ca_file;
        }
        if (options.proxy) {
            saved.proxy = *options.proxy;
        }
        saved.first_run = settings::FirstRunState::completed;
        if (request.checked != nullptr) {
            saved.verified_base_url = request.checked_base_url;
            record_last_check(saved, *request.checked, checked_at);
        } else {
            // Saved without a check: an earlier key's verdict must not stand for this one.
            saved.verified_base_url.clear();
            saved.last_check_status.clear();
            saved.last_check_reason.clear();
            saved.last_check_time.clear();
        }
    });
}

StoredKeyCheck check_stored_key(const Options& options, const net::CancelTokenPtr& cancel, bool generate) {
    settings::KeyStorage storage = open_storage(options);
    settings::StoredKey stored = storage.read_key();
    const settings::SettingsLoad load = storage.settings_file().load();
    StoredKeyCheck check;
    check.base_url = resolve_endpoint(options, load.settings).base_url.value;
    if (stored.state != settings::SecretReadState::found) {
        check.unreadable = stored.state != settings::SecretReadState::not_found;
        check.outcome.status = net::KeyStatus::unverified;
        check.outcome.reason = net::Reason::no_key;
        check.outcome.message =
            check.unreadable && !stored.message.empty() ? stored.message : "No key is stored.";
        return check;
    }
    if (const auto change =
            endpoint_change(resolve_endpoint(options, load.settings), load.settings.verified_base_url)) {
        check.outcome = endpoint_changed_outcome(*change, net::mask_key(stored.key));
        stored.key.assign(stored.key.size(), '\0');
        return check;
    }
    net::KeyCheckRequest request = check_request(options, load.settings, stored.key, cancel);
    stored.key.assign(stored.key.size(), '\0');
    request.generate = generate;
    check.outcome = net::check_key(request);
    request.raw_key.assign(request.raw_key.size(), '\0');
    check.base_url = request.endpoint.base_url;
    net::KeyCheckOutcome& outcome = check.outcome;
    if (outcome.reason != net::Reason::cancelled) {
        const std::string now = utc_now_iso8601();
        const std::string base_url = request.endpoint.base_url;
        const settings::StorageStatus recorded =
            storage.settings_file().update([&](settings::AppSettings& saved) {
                record_last_check(saved, outcome, now);
                if (outcome.status == net::KeyStatus::valid) {
                    saved.verified_base_url = base_url;
                }
            });
        if (!recorded.ok) {
            outcome.notes.push_back("The result could not be recorded: " + recorded.message);
        }
    }
    return check;
}

bool same_base_url(std::string_view a, std::string_view b) {
    const auto normal = [](std::string_view url) {
        if (url.empty()) {
            url = net::default_base_url;
        }
        while (url.ends_with('/')) {
            url.remove_suffix(1);
        }
        return url;
    };
    return normal(a) == normal(b);
}

std::optional<EndpointChange> endpoint_change(const Endpoint& endpoint, std::string_view verified_base_url) {
    if (endpoint.base_url.source == Source::argument) {
        return std::nullopt;
    }
    const std::string verified(verified_base_url.empty() ? net::default_base_url : verified_base_url);
    if (same_base_url(verified, endpoint.base_url.value)) {
        return std::nullopt;
    }
    EndpointChange change;
    change.verified_base_url = verified;
    change.base_url = endpoint.base_url.value;
    // Nothing set at all is a change too (the key was verified at a base URL named only at check time).
    change.from = endpoint.base_url.source == Source::environment ? endpoint.base_url.variable
                  : endpoint.base_url.source == Source::settings  ? std::string("settings.json")
                                                                  : std::string("default");
    return change;
}

net::KeyCheckOutcome endpoint_changed_outcome(const EndpointChange& change, std::string masked_key) {
    net::KeyCheckOutcome outcome;
    outcome.status = net::KeyStatus::unverified;
    outcome.reason = net::Reason::endpoint_changed;
    outcome.masked_key = std::move(masked_key);
    outcome.message = net::fill(
        change.from == "default" ? net::endpoint_changed_to_default_message : net::endpoint_changed_message,
        {{"verified", host_of(change.verified_base_url)},
         {"now", host_of(change.base_url)},
         {"from", change.from}});
    outcome.detail = "verified: " + net::printable_text(net::mask_url_credentials(change.verified_base_url)) +
                     "; now: " + net::printable_text(net::mask_url_credentials(change.base_url));
    return outcome;
}

std::string host_of(std::string_view url) {
    if (const auto scheme_end = url.find("://"); scheme_end != std::string_view::npos) {
        url.remove_prefix(scheme_end + 3);
    }
    url = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = url.rfind('@'); at != std::string_view::npos) {
        url.remove_prefix(at + 1);  // never show credentials
    }
    return net::printable_text(url);
}

bool needs_setup(const settings::AppSettings& saved, settings::SecretReadState key_state) {
    if (saved.first_run != settings::FirstRunState::pending) {
        return false;
    }
    switch (key_state) {
        case settings::SecretReadState::not_found:
            return true;
        case settings::SecretReadState::unavailable:
            // No keyring and no key ever saved: the wizard offers the file fallback. Once a key was saved
            // somewhere, an unavailable keyring does not mean the key is missing.
            return !saved.key_storage.has_value();
        case settings::SecretReadState::found:
        case settings::SecretReadState::failed:
            return false;
    }
    return false;
}

settings::StorageStatus record_setup_skipped(const Options& options) {
    settings::SettingsFile file(config_directory(options));
    return file.update([](settings::AppSettings& saved) {
        if (saved.first_run == settings::FirstRunState::pending) {
            saved.first_run = settings::FirstRunState::skipped;
        }
    });
}

std::optional<std::chrono::system_clock::time_point> parse_utc_iso8601(std::string_view text) {
    std::tm utc{};
    const std::string copy(text);
    const char* end = strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    if (end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    return std::chrono::system_clock::from_time_t(timegm(&utc));
}

std::string last_check_in_words(const settings::AppSettings& saved, std::chrono::system_clock::time_point now,
                                const net::Wording& wording) {
    if (saved.last_check_status.empty()) {
        return {};
    }
    std::string when;
    if (const auto time = parse_utc_iso8601(saved.last_check_time)) {
        using namespace std::chrono;
        const auto age = duration_cast<minutes>(now - *time);
        auto count_of = [](long long count) { return static_cast<unsigned long>(count); };
        auto filled = [](const std::string& text, unsigned long count) {
            return net::fill(text, {{"count", std::to_string(count)}});
        };
        if (age < minutes(1)) {
            when = wording.tr(age < minutes(-5) ? N_("checked in the future (the clock changed)")
                                                : N_("checked just now"));
        } else if (age < hours(1)) {
            const unsigned long n = count_of(age.count());
            when =
                filled(wording.tr_plural("checked {count} minute ago", "checked {count} minutes ago", n), n);
        } else if (age < hours(24)) {
            const unsigned long n = count_of(duration_cast<hours>(age).count());
            when = filled(wording.tr_plural("checked {count} hour ago", "checked {count} hours ago", n), n);
        } else {
            const unsigned long n = count_of(duration_cast<hours>(age).count() / 24);
            when = filled(wording.tr_plural("checked {count} day ago", "checked {count} days ago", n), n);
        }
    } else {
        when = net::fill(wording.tr(N_("checked at {time}")),
                         {{"time", net::printable_text(saved.last_check_time)}});
    }
    const std::string& status = saved.last_check_status;
    const std::string reason = net::printable_text(saved.last_check_reason);
    const std::string verdict = status == "valid"        ? wording.tr(N_("works"))
                                : status == "rejected"   ? wording.tr(N_("rejected"))
                                : status == "limited"    ? wording.tr(N_("works only in part"))
                                : status == "unverified" ? wording.tr(N_("could not be checked"))
                                                         : net::printable_text(status);
    if (status == "valid" || reason.empty()) {
        return net::fill(wording.tr(N_("{when}: {verdict}")), {{"when", when}, {"verdict", verdict}});
    }
    return net::fill(wording.tr(N_("{when}: {verdict} ({reason})")),
                     {{"when", when}, {"verdict", verdict}, {"reason", reason}});
}

bool recheck_due(const settings::AppSettings& saved, std::chrono::system_clock::time_point now) {
    if (saved.recheck_interval_hours <= 0) {
        return false;
    }
    const auto last = parse_utc_iso8601(saved.last_check_time);
    return last && now - *last >= std::chrono::hours(saved.recheck_interval_hours);
}

std::string utc_now_iso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text, length);
}

void record_last_check(settings::AppSettings& saved, const net::KeyCheckOutcome& outcome,
                       std::string utc_time) {
    saved.last_check_status = std::string(net::to_string(outcome.status));
    saved.last_check_reason = std::string(net::to_string(outcome.reason));
    saved.last_check_time = std::move(utc_time);
}

}  // namespace keywizard::core
