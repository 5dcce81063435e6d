#include "wizard/app/check_settings.h"

#include <ctime>
#include <string>

#include "core/key_setup.h"

namespace keywizard::ui {

Options app_options(const std::filesystem::path& config_dir) {
    Options options;
    options.config_dir = config_dir;
    return options;
}

net::Endpoint endpoint_for(const settings::AppSettings& settings) {
    return core::to_net_endpoint(core::resolve_endpoint(Options{}, settings));
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
    settings.last_check_status = std::string(core::to_string(outcome.status));
    settings.last_check_reason = std::string(core::to_string(outcome.reason));
    settings.last_check_time = utc_iso8601(when);
}

}  // namespace keywizard::ui
