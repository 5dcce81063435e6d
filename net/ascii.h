#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// ASCII-only text helpers for protocol text (headers, URLs, server messages, keys): no locale, so the
// result never depends on the person's language settings.
namespace keywizard::net::ascii {

inline constexpr std::string_view whitespace = " \t\n\r\v\f";

constexpr char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// A printable character other than the space: what a URL or a proxy setting may contain.
constexpr bool is_visible(char c) {
    return c > 0x20 && c < 0x7F;
}

bool is_visible(std::string_view text);
std::string lowered(std::string_view text);
std::string_view trim(std::string_view text, std::string_view blanks = whitespace);
bool equal_ignoring_case(std::string_view a, std::string_view b);
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);
// Where `needle` first occurs in `text` at or after `from`, ignoring ASCII case; npos when nowhere.
std::size_t find_ignoring_case(std::string_view text, std::string_view needle, std::size_t from = 0);
bool contains_ignoring_case(std::string_view text, std::string_view needle);

}  // namespace keywizard::net::ascii
