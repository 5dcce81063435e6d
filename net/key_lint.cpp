#include "net/key_lint.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "net/ascii.h"
#include "net/printable_text.h"
#include "net/providers.h"

namespace keywizard::net {
namespace {

std::string hex(char32_t value, int digits) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*X", digits, static_cast<unsigned>(value));
    return buffer;
}

std::string describe(const Utf8Step& decoded) {
    if (!decoded.valid) {
        return "a byte that is not valid UTF-8 (0x" + hex(decoded.code_point, 2) + ")";
    }
    const char32_t c = decoded.code_point;
    switch (c) {
        case U' ':
            return "a space";
        case U'\t':
            return "a tab";
        case U'\r':
            return "a carriage return (CR)";
        case U'\n':
            return "a line break (LF)";
        case U'\0':
            return "a NUL character";
        case 0x00A0:
            return "a non-breaking space (U+00A0)";
        case 0x200B:
            return "a zero-width space (U+200B)";
        case 0xFEFF:
            return "a byte order mark (U+FEFF)";
        case 0x2018:
        case 0x2019:
        case 0x201C:
        case 0x201D:
            return "a smart quote (U+" + hex(c, 4) + ")";
        default:
            break;
    }
    if (c < 0x20 || c == 0x7F) {
        return "a control character (U+" + hex(c, 4) + ")";
    }
    if (c < 0x80) {
        return std::string("the character '") + static_cast<char>(c) + "'";
    }
    return "a non-ASCII character (U+" + hex(c, 4) + ")";
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
    if (text.size() <= bearer.size() || (text[bearer.size()] != ' ' && text[bearer.size()] != '\t') ||
        !ascii::starts_with_ignoring_case(text, bearer)) {
        return false;
    }
    text.remove_prefix(bearer.size());
    return true;
}

constexpr std::size_t shortest_key = 20;
constexpr std::size_t longest_key = 512;
constexpr std::string_view admin_prefix = "sk-admin-";

// Longest first, so that "sk-proj-" wins over "sk-". Anthropic's and OpenRouter's too: a key pasted in the
// wrong place (reason wrong_provider) is recognisable in its masked form.
constexpr std::array<std::string_view, 6> known_prefixes{"sk-svcacct-", "sk-or-v1-", "sk-admin-",
                                                         "sk-proj-",    "sk-ant-",   "sk-"};

// mask_key shows the last characters only when at least this many stay hidden between prefix and tail.
constexpr std::size_t shown_tail = 4;
constexpr std::size_t least_hidden = 8;
constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // …

KeyLintResult malformed(std::string problem, std::vector<std::string> notes, std::size_t position = 0) {
    KeyLintResult result;
    result.verdict = KeyLintVerdict::malformed;
    result.problem = std::move(problem);
    result.bad_position = position;
    result.notes = std::move(notes);
    return result;
}

}  // namespace

bool is_key_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::optional<BadCharacter> find_first_character_outside(std::string_view text, bool (*allowed)(char)) {
    std::size_t position = 1;
    for (std::size_t at = 0; at < text.size(); ++position) {
        const Utf8Step step = decode_utf8_at(text, at);
        if (!step.valid || step.code_point >= 0x80 || !allowed(text[at])) {
            return BadCharacter{position, describe(step)};
        }
        ++at;
    }
    return std::nullopt;
}

std::optional<BadCharacter> find_first_bad_character(std::string_view text) {
    return find_first_character_outside(text, is_key_character);
}

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

KeyLintResult lint_key(std::string_view raw) {
    CleanedPaste cleaned = clean_pasted_key(raw);
    const std::string& key = cleaned.text;

    if (key.empty()) {
        return malformed("The key is empty.", std::move(cleaned.notes));
    }
    if (const auto bad = find_first_bad_character(key)) {
        return malformed("The key contains " + bad->description + " at position " +
                             std::to_string(bad->position) + "; a key has only letters, digits, '-' and '_'.",
                         std::move(cleaned.notes), bad->position);
    }
    if (key.size() < shortest_key) {
        return malformed("The key is too short: " + std::to_string(key.size()) +
                             " characters; a key has at least " + std::to_string(shortest_key) + ".",
                         std::move(cleaned.notes));
    }
    if (key.size() > longest_key) {
        return malformed("The key is too long: " + std::to_string(key.size()) +
                             " characters; a key has at most " + std::to_string(longest_key) +
                             ". Was more than the key copied?",
                         std::move(cleaned.notes));
    }
    if (key.starts_with(admin_prefix)) {
        KeyLintResult result;
        result.verdict = KeyLintVerdict::admin_key;
        result.problem =
            "This is an admin key (sk-admin-): it only works with the Administration API and cannot call "
            "models. Create a project API key instead.";
        result.notes = std::move(cleaned.notes);
        return result;
    }

    KeyLintResult result;
    result.verdict = KeyLintVerdict::ok;
    result.notes = std::move(cleaned.notes);
    // Another provider's key gets its own words where it is checked (reason wrong_provider), not this note.
    if (!key.starts_with("sk-") && provider_of_key(key) == nullptr) {
        result.notes.emplace_back(
            "The key does not start with \"sk-\" as OpenAI keys do; it will be checked anyway.");
    }
    result.key = std::move(cleaned.text);
    return result;
}

std::string mask_key(std::string_view key) {
    const bool odd = std::any_of(key.begin(), key.end(), [](char c) { return !is_key_character(c); });
    if (odd || key.size() < shown_tail + least_hidden) {
        return std::string(ellipsis);
    }
    std::string_view prefix;
    for (const std::string_view candidate : known_prefixes) {
        if (key.starts_with(candidate) && key.size() >= candidate.size() + least_hidden + shown_tail) {
            prefix = candidate;
            break;
        }
    }
    std::string masked(prefix);
    masked += ellipsis;
    masked += key.substr(key.size() - shown_tail);
    return masked;
}

}  // namespace keywizard::net
