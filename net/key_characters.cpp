#include "net/key_characters.h"

#include <cstdio>

#include "net/printable_text.h"

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

}  // namespace keywizard::net
