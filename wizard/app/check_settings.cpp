#include "wizard/app/check_settings.h"

#include <ctime>
#include <string>

namespace keywizard::ui {

net::Endpoint endpoint_from_settings(const settings::AppSettings& settings) {
    net::Endpoint endpoint;
    if (!settings.base_url.empty()) {
        endpoint.base_url = settings.base_url;
    }
    endpoint.organization = settings.organization;
    endpoint.project = settings.project;
    endpoint.ca_file = settings.ca_file;
    endpoint.proxy = settings.proxy;
    if (settings.timeout_seconds > 0) {
        endpoint.timeout = std::chrono::seconds(settings.timeout_seconds);
    }
    return endpoint;
}

std::string utc_iso8601(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text, length);
}

void record_last_check(settings::AppSettings& settings, const net::KeyCheckOutcome& outcome,
                       std::chrono::system_clock::time_point when) {
    settings.last_check_status = std::string(net::to_string(outcome.status));
    settings.last_check_reason = std::string(net::to_string(outcome.reason));
    settings.last_check_time = utc_iso8601(when);
}

}  // namespace keywizard::ui
