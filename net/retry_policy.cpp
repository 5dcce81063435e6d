#include "net/retry_policy.h"

#include "net/http_date.h"
#include "net/reason_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace keywizard::net {
namespace {

// A non-negative decimal number, as the whole header value (surrounding blanks allowed).
std::optional<double> parse_number(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
        value < 0) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::chrono::milliseconds> as_milliseconds(double value) {
    // No server means a wait of more than a day: such a value is garbage, and repeating it to a person
    // ("Try again in 86400 seconds") would be wrong. The bound also keeps the conversion defined.
    constexpr double a_day_ms = 86'400'000.0;
    if (!(value >= 0 && value <= a_day_ms)) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(static_cast<long long>(std::ceil(value)));
}

}  // namespace

std::optional<std::chrono::milliseconds> server_requested_wait(const HttpResponse& response) {
    if (const auto header = response.header("retry-after-ms")) {
        if (const auto value = parse_number(*header)) {
            return as_milliseconds(*value);
        }
    }
    if (const auto header = response.header("retry-after")) {
        if (const auto value = parse_number(*header)) {
            return as_milliseconds(*value * 1000.0);
        }
        if (const auto until = parse_http_date(*header)) {
            // Measured against the server's own Date when it sent one, so a wrong local clock (or the
            // time the reply spent travelling) does not stretch or cancel the wait.
            const auto date = response.header("date");
            const auto server_now = date ? parse_http_date(*date) : std::nullopt;
            const auto from = server_now.value_or(
                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
            const auto seconds = (*until - from).count();
            return as_milliseconds(seconds > 0 ? static_cast<double>(seconds) * 1000.0 : 0.0);
        }
    }
    return std::nullopt;
}

std::optional<std::chrono::milliseconds> retry_wait_for(const HttpResponse& response, Reason reason) {
    if (!reason_row(reason).retryable) {
        return std::nullopt;
    }
    const auto asked = server_requested_wait(response);
    if (!asked) {
        return default_retry_wait;
    }
    if (*asked > longest_retry_wait) {
        return std::nullopt;
    }
    return *asked;
}

}  // namespace keywizard::net
