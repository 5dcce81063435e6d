#include "net/retry_policy.h"

#include "net/ascii.h"
#include "net/server_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace keywizard::net {
namespace {

constexpr std::array<std::string_view, 7> day_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Exactly `digits` decimal digits at `at`.
std::optional<int> number_at(std::string_view text, std::size_t at, std::size_t digits) {
    if (at + digits > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    const char* first = text.data() + at;
    const auto [end, error] = std::from_chars(first, first + digits, value);
    if (error != std::errc() || end != first + digits || *first == '-' || *first == '+') {
        return std::nullopt;
    }
    return value;
}

bool is_one_of(std::string_view word, const auto& names) {
    for (const auto name : names) {
        if (word == name) {
            return true;
        }
    }
    return false;
}

// A non-negative decimal number, as the whole header value (surrounding blanks allowed).
std::optional<double> parse_number(std::string_view text) {
    text = ascii::trim(text, " \t");
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

std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text) {
    text = ascii::trim(text, " \t");
    // "Sun, 06 Nov 1994 08:49:37 GMT": every field at a fixed position.
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
        text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT" ||
        !is_one_of(text.substr(0, 3), day_names)) {
        return std::nullopt;
    }
    unsigned month = 0;
    while (month < month_names.size() && month_names[month] != text.substr(8, 3)) {
        ++month;
    }
    const auto day = number_at(text, 5, 2);
    const auto year = number_at(text, 12, 4);
    const auto hour = number_at(text, 17, 2);
    const auto minute = number_at(text, 20, 2);
    const auto second = number_at(text, 23, 2);
    if (month == month_names.size() || !day || !year || !hour || !minute || !second || *hour > 23 ||
        *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(month + 1),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_seconds(std::chrono::sys_days(date)) + std::chrono::hours(*hour) +
           std::chrono::minutes(*minute) + std::chrono::seconds(*second);
}

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
