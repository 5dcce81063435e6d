#include "net/paste_cleanup.h"

#include <array>
#include <utility>

#include "net/ascii.h"

namespace keywizard::net {
namespace {

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
    if (text.size() <= bearer.size() || (text[bearer.size()] != ' ' && text[bearer.size()] != '\t') ||
        !ascii::starts_with_ignoring_case(text, bearer)) {
        return false;
    }
    text.remove_prefix(bearer.size());
    return true;
}

}  // namespace

CleanedPaste clean_pasted_key(std::string_view raw) {
    CleanedPaste cleaned;
    std::string_view text = ascii::trim(raw);
    if (strip_one_quote_pair(text)) {
        text = ascii::trim(text);
        cleaned.notes.emplace_back("Removed the quotes around the key.");
    }
    if (strip_bearer(text)) {
        text = ascii::trim(text);
        cleaned.notes.emplace_back("Removed the \"Bearer \" prefix: only the key itself is needed.");
    }
    cleaned.text = std::string(text);
    return cleaned;
}

}  // namespace keywizard::net
