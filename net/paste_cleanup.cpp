#include "net/paste_cleanup.h"

#include <array>
#include <cctype>
#include <utility>

namespace keywizard::net {
namespace {

bool is_ascii_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim_ascii_whitespace(std::string_view text) {
    while (!text.empty() && is_ascii_whitespace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_ascii_whitespace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// Opening and closing quote of each pair; the smart ones are UTF-8 encoded.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> quote_pairs{{
    {"\"", "\""},
    {"'", "'"},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
}};

bool strip_one_quote_pair(std::string_view& text) {
    for (const auto& [open, close] : quote_pairs) {
        if (text.size() >= open.size() + close.size() && text.starts_with(open) && text.ends_with(close)) {
            text.remove_prefix(open.size());
            text.remove_suffix(close.size());
            return true;
        }
    }
    return false;
}

// "Bearer" followed by at least one space or tab: what people copy from an Authorization header.
bool strip_bearer(std::string_view& text) {
    constexpr std::string_view bearer = "bearer";
    if (text.size() <= bearer.size() || (text[bearer.size()] != ' ' && text[bearer.size()] != '\t')) {
        return false;
    }
    for (std::size_t i = 0; i < bearer.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != bearer[i]) {
            return false;
        }
    }
    text.remove_prefix(bearer.size());
    return true;
}

}  // namespace

CleanedPaste clean_pasted_key(std::string_view raw) {
    CleanedPaste cleaned;
    std::string_view text = trim_ascii_whitespace(raw);
    if (strip_one_quote_pair(text)) {
        text = trim_ascii_whitespace(text);
        cleaned.notes.emplace_back("Removed the quotes around the key.");
    }
    if (strip_bearer(text)) {
        text = trim_ascii_whitespace(text);
        cleaned.notes.emplace_back("Removed the \"Bearer \" prefix: only the key itself is needed.");
    }
    cleaned.text = std::string(text);
    return cleaned;
}

}  // namespace keywizard::net
