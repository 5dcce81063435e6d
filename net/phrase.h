#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Messages for a person that have fill-ins (a path, a model, a count) are written in English from one format
// string with {name} placeholders, marked for the catalog where it is written down. The English message stays
// what is stored and printed as JSON; where a window or the command line shows it, net::in_words() finds the
// format it was written from, translates that and fills in the same values again. So the translatable part
// is always a whole sentence with placeholders, and the word order is the translator's.
namespace keywizard::net {

struct FillIn {
    std::string_view name;   // the placeholder's name, without braces
    std::string_view value;  // what it stands for
};

// `format` with every {name} replaced by its value; a placeholder with no value stays as it is.
inline std::string fill(std::string_view format, std::span<const FillIn> values) {
    std::string out;
    std::size_t at = 0;
    while (at < format.size()) {
        const std::size_t open = format.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : format.find('}', open);
        if (close == std::string_view::npos) {
            out += format.substr(at);
            break;
        }
        out += format.substr(at, open - at);
        const std::string_view name = format.substr(open + 1, close - open - 1);
        const FillIn* found = nullptr;
        for (const FillIn& value : values) {
            if (value.name == name) {
                found = &value;
            }
        }
        out += found ? found->value : format.substr(open, close - open + 1);
        at = close + 1;
    }
    return out;
}

inline std::string fill(std::string_view format, std::initializer_list<FillIn> values) {
    return fill(format, std::span<const FillIn>(values.begin(), values.size()));
}

// When `english` is what `format` gives with some values, those values by placeholder name; nullopt
// otherwise. Each placeholder stands for at least one character; where a placeholder could end at several
// places, the earliest place that lets the rest match wins.
std::optional<std::vector<std::pair<std::string, std::string>>> values_in(std::string_view format,
                                                                          std::string_view english);

}  // namespace keywizard::net
