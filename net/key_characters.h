#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace keywizard::net
