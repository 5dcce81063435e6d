#pragma once

// Text from outside (settings.json values, argv, file paths, server replies) made safe to print on a
// terminal, in a log line or in a window: nothing in it can move the cursor, change colours, reorder what
// follows (bidi overrides), start a new line or hide characters; and the UTF-8 walk that judges it.

#include <cstddef>
#include <string>
#include <string_view>

namespace keywizard::net {

// One step through UTF-8 text that may be invalid (pasted keys, server bodies). A byte that does not start a
// well-formed sequence (overlong forms, surrogates and values past U+10FFFF included) decodes as itself
// with length 1 and valid == false, so a walk always advances and never reads past the end.
struct Utf8Step {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = true;
};

// `at` must be < text.size().
Utf8Step decode_utf8_at(std::string_view text, std::size_t at);

// True for code points that must never reach a terminal or a label as they are: C0 and C1 controls and
// DEL, bidi embeddings, overrides, isolates and marks (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069), the line and paragraph separators U+2028 and U+2029, and invisible format characters
// used to hide or spoof text (soft hyphen, zero-width space, word joiner and invisible operators, BOM,
// Hangul fillers, interlinear annotations, tag characters). Zero-width (non-)joiners stay: emoji and
// several scripts need them.
bool is_unsafe_to_print(char32_t code_point);

// Every unsafe code point and every byte of invalid UTF-8 becomes '?'; everything else (accents, CJK,
// emoji) is kept as it is. Nothing is cut or redacted: for server text use displayable_server_text.
std::string printable_text(std::string_view text);

// "http://user:secret@proxy:3128/" -> "http://user:***@proxy:3128/"; a user name alone may be a token
// ("https://sk-...@host"), so it becomes "***" too. Also without a scheme ("user:secret@proxy:3128", as
// libcurl accepts for a proxy). Only the part before the first '/', '?' or '#' after the scheme is
// looked at, so "https://host/path@x" stays. Combine with printable_text before printing.
std::string mask_url_credentials(std::string_view url);

}  // namespace keywizard::net
