#pragma once

#include <cstddef>
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

}  // namespace keywizard::net
