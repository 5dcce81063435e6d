#include "net/retry_policy.h"

#include "net/api_error.h"
#include "net/ascii.h"
#include "net/http_date.h"
#include "net/reason_table.h"

#include <algorithm>
#include <cctype>
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

// The reset header of one limit ("tokens" or "requests").
std::optional<std::chrono::milliseconds> reset_of(const HttpResponse& response, std::string_view limit) {
    const auto header = response.header("x-ratelimit-reset-" + std::string(limit));
    return header ? parse_reset_duration(*header) : std::nullopt;
}

// "Please try again in 26.604s." -> 26.604s.
std::optional<std::chrono::milliseconds> wait_in_message(std::string_view message) {
    constexpr std::string_view marker = "try again in ";
    const std::size_t at = ascii::find_ignoring_case(message, marker);
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view rest = message.substr(at + marker.size());
    // The duration runs to the first character that cannot be part of one; a sentence's full stop ends it.
    std::size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) ||
                                 (rest[end] == '.' && end + 1 < rest.size() &&
                                  std::isdigit(static_cast<unsigned char>(rest[end + 1]))))) {
        ++end;
    }
    return parse_reset_duration(rest.substr(0, end));
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_reset_duration(std::string_view text) {
    text = ascii::trim(text);
    if (text.empty() || text.size() > 40) {
        return std::nullopt;
    }
    double total_ms = 0;
    while (!text.empty()) {
        std::size_t digits = 0;
        while (digits < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
            ++digits;
        }
        const auto number = parse_number(text.substr(0, digits));
        text.remove_prefix(digits);
        std::size_t letters = 0;
        while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters]))) {
            ++letters;
        }
        const std::string_view unit = text.substr(0, letters);
        text.remove_prefix(letters);
        double unit_ms = 0;
        if (unit == "h") {
            unit_ms = 3'600'000;
        } else if (unit == "m") {
            unit_ms = 60'000;
        } else if (unit == "s") {
            unit_ms = 1'000;
        } else if (unit == "ms") {
            unit_ms = 1;
        } else if (unit == "us") {
            unit_ms = 0.001;
        } else if (unit == "ns") {
            unit_ms = 0.000001;
        }
        if (!number || unit_ms == 0) {
            return std::nullopt;
        }
        total_ms += *number * unit_ms;
    }
    return as_milliseconds(total_ms);
}

RateLimit rate_limit_of(const HttpResponse& response, std::string_view error_type, std::string_view message) {
    RateLimit rate;
    // The type says it outright; the message ("... on tokens per min (TPM) ...") and the remaining counts
    // say it when the type does not.
    const auto remaining_is_zero = [&](std::string_view limit) {
        const auto remaining = response.header("x-ratelimit-remaining-" + std::string(limit));
        return remaining && ascii::trim(*remaining) == "0";
    };
    if (error_type == "tokens" || ascii::contains_ignoring_case(message, "on tokens per") ||
        ascii::contains_ignoring_case(message, "(TPM)") || ascii::contains_ignoring_case(message, "(TPD)")) {
        rate.limit = "tokens";
    } else if (error_type == "requests" || ascii::contains_ignoring_case(message, "on requests per") ||
               ascii::contains_ignoring_case(message, "(RPM)") ||
               ascii::contains_ignoring_case(message, "(RPD)")) {
        rate.limit = "requests";
    } else if (remaining_is_zero("tokens") != remaining_is_zero("requests")) {
        rate.limit = remaining_is_zero("tokens") ? "tokens" : "requests";
    }
    rate.per_day = ascii::contains_ignoring_case(message, "per day") ||
                   ascii::contains_ignoring_case(message, "(TPD)") ||
                   ascii::contains_ignoring_case(message, "(RPD)");

    rate.wait = server_requested_wait(response);
    if (!rate.wait) {
        if (!rate.limit.empty()) {
            rate.wait = reset_of(response, rate.limit);
        } else {
            const auto tokens = reset_of(response, "tokens");
            const auto requests = reset_of(response, "requests");
            rate.wait = tokens && requests ? std::max(*tokens, *requests) : tokens ? tokens : requests;
        }
    }
    if (!rate.wait) {
        rate.wait = wait_in_message(message);
    }
    return rate;
}

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
    std::optional<std::chrono::milliseconds> asked;
    if (reason == Reason::rate_limited) {
        // A token limit that resets in 26 s will not be lifted by asking again in one.
        const auto error = parse_api_error(response.body);
        asked =
            rate_limit_of(response, error ? error->type : "", error ? error->message : response.body).wait;
    } else {
        asked = server_requested_wait(response);
    }
    if (!asked) {
        return default_retry_wait;
    }
    if (*asked > longest_retry_wait) {
        return std::nullopt;
    }
    return *asked;
}

}  // namespace keywizard::net
