#include "fuzz/fuzz_check.h"

#include "net/printable_text.h"

namespace keywizard::fuzz {

bool is_valid_utf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const net::Utf8Step step = net::decode_utf8_at(text, at);
        if (!step.valid) {
            return false;
        }
        at += step.length;
    }
    return true;
}

bool has_no_control_characters(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const net::Utf8Step step = net::decode_utf8_at(text, at);
        const char32_t c = step.code_point;
        if (step.valid && (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))) {
            return false;
        }
        at += step.length;
    }
    return true;
}

}  // namespace keywizard::fuzz
