#include "core/person_words.h"

#include <vector>

#include "settings/message_formats.h"

namespace keywizard::core {
namespace {

const std::vector<std::string_view>& every_format() {
    static const std::vector<std::string_view> formats = [] {
        std::vector<std::string_view> all;
        for (const auto& layer : {net::message_formats(), settings::formats::all()}) {
            all.insert(all.end(), layer.begin(), layer.end());
        }
        return all;
    }();
    return formats;
}

}  // namespace

std::string in_person_words(std::string_view english, const net::Wording& wording) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t end = english.find('\n', at);
        const std::string_view line = english.substr(at, end == std::string_view::npos ? end : end - at);
        out += line.empty() ? std::string() : net::in_words(line, every_format(), wording);
        if (end == std::string_view::npos) {
            return out;
        }
        out += '\n';
        at = end + 1;
    }
}

}  // namespace keywizard::core
