// pseudo_translate: the filter msgfilter runs on every string of the pseudo-locale (make_pseudo_po.cmake).
// Reads one English text on standard input and writes it "translated": every ASCII letter accented
// (Start -> Ŝţàŕţ), the whole text in brackets and about 40 % longer ("[Ŝţàŕţ ··]"), as many translations are
// longer than English. What the program needs intact stays as it is: printf directives (%s, %1$s, %lu),
// {name} fill-ins (net/phrase.h), "&&", line breaks. A mnemonic "&S" keeps its "&" and marks the accented
// letter. The brackets show at a glance whether a text was cut off at either end.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

// Accented forms of a-z and A-Z (UTF-8), each one letter wide like the original.
constexpr const char* lower[26] = {"à", "ƀ", "ç", "ð", "é", "ƒ", "ĝ", "ĥ", "î", "ĵ", "ķ", "ĺ", "ɱ",
                                   "ñ", "ö", "þ", "ǫ", "ŕ", "š", "ţ", "û", "ṽ", "ŵ", "ẋ", "ý", "ž"};
constexpr const char* upper[26] = {"Å", "Ɓ", "Ç", "Ð", "É", "Ƒ", "Ĝ", "Ĥ", "Î", "Ĵ", "Ķ", "Ļ", "Ṁ",
                                   "Ñ", "Ö", "Þ", "Ǫ", "Ŕ", "Š", "Ţ", "Û", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž"};

constexpr std::string_view printf_conversions = "diouxXeEfFgGaAcspn%";

// Length of the printf directive at text[i] ('%'), or 0 when it is not one.
std::size_t directive_length(std::string_view text, std::size_t i) {
    std::size_t j = i + 1;
    while (j < text.size() && printf_conversions.find(text[j]) == std::string_view::npos) {
        const char c = text[j];
        const bool part = (c >= '0' && c <= '9') || c == '$' || c == '-' || c == '+' || c == ' ' ||
                          c == '#' || c == '.' || c == '*' || c == '\'' || c == 'l' || c == 'h' || c == 'z' ||
                          c == 'j' || c == 't' || c == 'L' || c == 'q';
        if (!part) {
            return 0;
        }
        ++j;
    }
    return j < text.size() ? j - i + 1 : 0;
}

std::string accented(std::string_view text, std::size_t& letters) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (const std::size_t length = directive_length(text, i)) {
                out.append(text.substr(i, length));
                i += length - 1;
                letters += 4;  // a value takes room too
                continue;
            }
        }
        // A {name} fill-in of net/phrase.h ("{model}", "{location}"): the program fills it in by name.
        if (c == '{') {
            if (const std::size_t close = text.find('}', i);
                close != std::string_view::npos && text.find_first_of(" {", i + 1) > close) {
                out.append(text.substr(i, close - i + 1));
                i = close;
                letters += 4;
                continue;
            }
        }
        if (c == '&' && i + 1 < text.size() && text[i + 1] == '&') {
            out += "&&";
            ++i;
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            out += lower[c - 'a'];
        } else if (c >= 'A' && c <= 'Z') {
            out += upper[c - 'A'];
        } else {
            out += c;
        }
        if (c != '\n') {
            ++letters;
        }
    }
    return out;
}

}  // namespace

int main() {
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (text.empty()) {
        return 0;
    }
    // A trailing line break stays the last character (the command line prints such texts as whole lines).
    const bool ends_with_newline = text.back() == '\n';
    const std::string_view body(text.data(), text.size() - (ends_with_newline ? 1 : 0));
    std::size_t letters = 0;
    std::string out = "[" + accented(body, letters);
    // 40 % longer than the English: the brackets, a space, and middle dots for the rest, in words of eight
    // as a real language's longer text has words a line can break between (one run of 150 dots would be
    // a word no language has, and no page could wrap).
    const std::size_t extra = (letters * 4 + 9) / 10;
    const std::size_t dots = extra > 3 ? extra - 3 : 1;
    out += ' ';
    for (std::size_t i = 0; i < dots; ++i) {
        out += i > 0 && i % 8 == 0 ? " ·" : "·";
    }
    out += "]";
    if (ends_with_newline) {
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
