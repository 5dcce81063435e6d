#include "net/phrase.h"

namespace keywizard::net {
namespace {

struct Piece {
    bool placeholder = false;
    std::string_view text;  // literal text, or the placeholder's name
};

std::vector<Piece> pieces_of(std::string_view format) {
    std::vector<Piece> pieces;
    std::size_t at = 0;
    while (at < format.size()) {
        const std::size_t open = format.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : format.find('}', open);
        if (close == std::string_view::npos) {
            pieces.push_back({false, format.substr(at)});
            break;
        }
        if (open > at) {
            pieces.push_back({false, format.substr(at, open - at)});
        }
        pieces.push_back({true, format.substr(open + 1, close - open - 1)});
        at = close + 1;
    }
    return pieces;
}

bool match_from(const std::vector<Piece>& pieces, std::size_t piece, std::string_view english, std::size_t at,
                std::vector<std::pair<std::string, std::string>>& values) {
    if (piece == pieces.size()) {
        return at == english.size();
    }
    const Piece& current = pieces[piece];
    if (!current.placeholder) {
        return english.substr(at).starts_with(current.text) &&
               match_from(pieces, piece + 1, english, at + current.text.size(), values);
    }
    if (piece + 1 == pieces.size()) {
        if (at >= english.size()) {
            return false;
        }
        values.emplace_back(current.text, english.substr(at));
        return true;
    }
    const Piece& next = pieces[piece + 1];
    if (next.placeholder) {
        return false;  // two placeholders side by side cannot be told apart
    }
    for (std::size_t end = english.find(next.text, at + 1); end != std::string_view::npos;
         end = english.find(next.text, end + 1)) {
        values.emplace_back(current.text, english.substr(at, end - at));
        if (match_from(pieces, piece + 1, english, end, values)) {
            return true;
        }
        values.pop_back();
    }
    return false;
}

}  // namespace

std::optional<std::vector<std::pair<std::string, std::string>>> values_in(std::string_view format,
                                                                          std::string_view english) {
    const std::vector<Piece> pieces = pieces_of(format);
    std::vector<std::pair<std::string, std::string>> values;
    if (pieces.empty() || (pieces.size() == 1 && pieces[0].placeholder) ||
        !match_from(pieces, 0, english, 0, values)) {
        return std::nullopt;
    }
    return values;
}

}  // namespace keywizard::net
