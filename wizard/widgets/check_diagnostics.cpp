#include "wizard/widgets/check_diagnostics.h"

#include <cmath>
#include <sstream>

#include "core/rules.h"

namespace keywizard::ui {
namespace {

void line(std::ostringstream& out, std::string_view label, std::string_view value) {
    if (!value.empty()) {
        out << label << ": " << value << "\n";
    }
}

std::string milliseconds(double ms) {
    std::ostringstream out;
    out << static_cast<long long>(std::llround(ms)) << " ms";
    return out.str();
}

}  // namespace

std::string timings_summary(const net::TransferTimings& timings) {
    std::ostringstream out;
    const std::pair<const char*, double> phases[] = {{"DNS", timings.dns_ms},
                                                     {"connect", timings.connect_ms},
                                                     {"TLS", timings.tls_ms},
                                                     {"first byte", timings.first_byte_ms},
                                                     {"total", timings.total_ms}};
    bool first = true;
    for (const auto& [name, ms] : phases) {
        if (ms <= 0) {
            continue;
        }
        out << (first ? "" : " · ") << name << " " << milliseconds(ms);
        first = false;
    }
    return first ? std::string("not measured") : out.str();
}

std::string diagnostics_report(const net::KeyCheckOutcome& outcome, const net::Endpoint& endpoint,
                               std::string_view version, std::string_view utc_time) {
    std::ostringstream out;
    out << "keywizard " << version << " key check";
    if (!utc_time.empty()) {
        out << " at " << utc_time;
    }
    out << "\n";
    out << "Status: " << core::to_string(outcome.status) << " (" << core::to_string(outcome.reason) << ")\n";
    out << "HTTP status: " << (outcome.http_status ? std::to_string(*outcome.http_status) : "none") << "\n";
    line(out, "Message", outcome.message);
    line(out, "Detail", outcome.detail);
    line(out, "Request ID", outcome.request_id);
    line(out, "Organization", outcome.organization);
    line(out, "Project", outcome.project);
    if (outcome.status == net::KeyStatus::valid || outcome.model_count > 0) {
        out << "Models listed: " << outcome.model_count << "\n";
    }
    if (!outcome.missing_models.empty()) {
        out << "Missing models:";
        for (const auto& model : outcome.missing_models) {
            out << " " << model;
        }
        out << "\n";
    }
    line(out, "Key (masked)", outcome.masked_key);
    out << "Base URL: " << core::printable_text(core::mask_url_credentials(endpoint.base_url)) << "\n";
    line(out, "Organization sent", endpoint.organization);
    line(out, "Project sent", endpoint.project);
    out << "Proxy: "
        << (endpoint.proxy.empty() ? "libcurl's proxy variables"
                                   : core::printable_text(core::mask_url_credentials(endpoint.proxy)))
        << "\n";
    out << "CA file: " << (endpoint.ca_file.empty() ? "system store" : endpoint.ca_file) << "\n";
    out << "Attempts: " << outcome.attempts << ", elapsed " << outcome.elapsed_ms << " ms\n";
    out << "Timings of the last attempt: " << timings_summary(outcome.timings) << "\n";
    for (const auto& note : outcome.notes) {
        line(out, "Note", note);
    }
    return out.str();
}

}  // namespace keywizard::ui
