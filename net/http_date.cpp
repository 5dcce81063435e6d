#include "net/http_date.h"

#include <array>
#include <charconv>

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

}  // namespace

std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
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

}  // namespace keywizard::net
