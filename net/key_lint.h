#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace keywizard::net {

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
