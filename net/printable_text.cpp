#include "net/printable_text.h"

#include <cstdint>

namespace keywizard::net {

Utf8Step decode_utf8_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(at);
    const Utf8Step invalid{lead, 1, false};
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t smallest = 0;  // anything below is an overlong form
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code_point = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code_point = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code_point = lead & 0x07, smallest = 0x10000;
    } else {
        return invalid;
    }
    if (length > text.size() - at) {
        return invalid;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            return invalid;
        }
        code_point = (code_point << 6) | (byte(at + i) & 0x3F);
    }
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (code_point < smallest || code_point > 0x10FFFF || surrogate) {
        return invalid;
    }
    return {code_point, length, true};
}

bool is_unsafe_to_print(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return true;  // C0 controls (escape, CR, LF, tab, backspace), DEL, C1 controls (CSI 0x9B)
    }
    switch (c) {
        case 0x00AD:  // soft hyphen
        case 0x061C:  // Arabic letter mark
        case 0x115F:  // Hangul choseong filler
        case 0x1160:  // Hangul jungseong filler
        case 0x180E:  // Mongolian vowel separator
        case 0x200B:  // zero-width space
        case 0x200E:  // left-to-right mark
        case 0x200F:  // right-to-left mark
        case 0x2028:  // line separator
        case 0x2029:  // paragraph separator
        case 0x3164:  // Hangul filler
        case 0xFEFF:  // byte order mark / zero-width no-break space
        case 0xFFA0:  // halfwidth Hangul filler
            return true;
        default:
            break;
    }
    return (c >= 0x202A && c <= 0x202E) ||  // bidi embeddings and overrides
           (c >= 0x2060 && c <= 0x206F) ||  // word joiner, invisible operators, bidi isolates, deprecated
           (c >= 0xFFF9 && c <= 0xFFFB) ||  // interlinear annotation
           (c >= 0xE0000 && c <= 0xE007F);  // tag characters
}

std::string printable_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Step step = decode_utf8_at(text, at);
        if (step.valid && !is_unsafe_to_print(step.code_point)) {
            out.append(text.substr(at, step.length));
        } else {
            out += '?';
        }
        at += step.length;
    }
    return out;
}

std::string mask_url_credentials(std::string_view url) {
    const auto scheme_end = url.find("://");
    const std::size_t authority_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
    const auto authority_end = url.find_first_of("/?#", authority_start);
    const auto authority = url.substr(authority_start, authority_end == std::string_view::npos
                                                           ? std::string_view::npos
                                                           : authority_end - authority_start);
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) {
        return std::string(url);
    }
    const auto userinfo = authority.substr(0, at);
    const auto colon = userinfo.find(':');
    std::string masked(url.substr(0, authority_start));
    if (colon != std::string_view::npos && colon > 0) {
        masked += userinfo.substr(0, colon + 1);
    }
    masked += "***";
    masked += url.substr(authority_start + at);
    return masked;
}

}  // namespace keywizard::net
