#pragma once
// The key itself, before any I/O: the characters a key may hold, what a paste is cleaned of, the verdict
// on what is left, and the masked form that may be shown.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keywizard::net {

// True for the only characters a key may contain: [A-Za-z0-9_-].
bool is_key_character(char c);

// The first character that cannot be part of a key, named so that a person can find it in what they pasted.
struct BadCharacter {
    std::size_t position = 0;  // 1-based, counted in characters (an invalid UTF-8 byte counts as one)
    std::string description;   // e.g. "a zero-width space (U+200B)", "the character '='"
};

// The first character of `text` that `allowed` refuses; `allowed` judges ASCII only, anything else is
// always refused. Walks `text` as UTF-8 without trusting it: invalid bytes are reported, never read past.
std::optional<BadCharacter> find_first_character_outside(std::string_view text, bool (*allowed)(char));

// find_first_character_outside(text, is_key_character).
std::optional<BadCharacter> find_first_bad_character(std::string_view text);

// What is left of a paste once the wrapping people copy along with a key is gone.
struct CleanedPaste {
    std::string text;
    std::vector<std::string> notes;  // one per removal a person may want to know about
};

// Trims ASCII whitespace, one pair of matching quotes ("", '', “”, ‘’) and a leading "Bearer "
// (any case), in that order, trimming again after each. Never fails: what remains is for lint_key to judge.
CleanedPaste clean_pasted_key(std::string_view raw);

enum class KeyLintVerdict {
    ok,         // well-formed; `key` holds the normalised key
    malformed,  // cannot be a key; `problem` says why
    admin_key,  // an sk-admin- key: it cannot list models, refused before any I/O
};

struct KeyLintResult {
    KeyLintVerdict verdict = KeyLintVerdict::malformed;
    std::string key;      // normalised key; empty unless verdict == ok
    std::string problem;  // for a person, e.g. "contains a space at position 52"
    std::size_t bad_position =
        0;  // 1-based position of the first bad character in the normalised text; 0 if none
    std::vector<std::string> notes;  // soft notes, e.g. "Removed the \"Bearer \" prefix."

    bool ok() const { return verdict == KeyLintVerdict::ok; }
};

// Runs before any I/O. Trims ASCII whitespace and one pair of matching quotes, strips a leading "Bearer ",
// then accepts only [A-Za-z0-9_-]{20,512}. Naming the first bad character (space, zero-width space, NBSP,
// BOM, smart quote, CR, LF, NUL, other) lets a person find it. Input is UTF-8 and may be invalid UTF-8.
KeyLintResult lint_key(std::string_view raw);

// "sk-proj-…wxyz": enough to recognise a key, never enough to use it. Short or odd input is masked whole.
std::string mask_key(std::string_view key);

}  // namespace keywizard::net
