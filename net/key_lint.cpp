#include "net/key_lint.h"

#include <algorithm>
#include <array>
#include <utility>

#include "net/key_characters.h"
#include "net/paste_cleanup.h"

namespace keywizard::net {
namespace {

constexpr std::size_t shortest_key = 20;
constexpr std::size_t longest_key = 512;
constexpr std::string_view admin_prefix = "sk-admin-";

// Longest first, so that "sk-proj-" wins over "sk-".
constexpr std::array<std::string_view, 4> known_prefixes{"sk-svcacct-", "sk-admin-", "sk-proj-", "sk-"};

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
    if (!key.starts_with("sk-")) {
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
