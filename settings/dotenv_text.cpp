#include "settings/dotenv_text.h"

#include <vector>

namespace keywizard::settings {
namespace {

struct Line {
    std::string_view body;    // without the line end
    std::string_view ending;  // "\n", "\r\n" or "" for a last line without one
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        if (newline == std::string_view::npos) {
            const bool cr = text.ends_with('\r');  // a CRLF file whose last line lost its LF
            lines.push_back(
                {cr ? text.substr(0, text.size() - 1) : text, cr ? text.substr(text.size() - 1) : ""});
            break;
        }
        const bool crlf = newline > 0 && text[newline - 1] == '\r';
        lines.push_back({text.substr(0, crlf ? newline - 1 : newline),
                         text.substr(crlf ? newline - 1 : newline, crlf ? 2 : 1)});
        text.remove_prefix(newline + 1);
    }
    return lines;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view skip_blanks(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) {
        s.remove_prefix(1);
    }
    return s;
}

// When `line` assigns `name`, returns what follows the `=` (blanks skipped).
std::optional<std::string_view> assignment_value(std::string_view line, std::string_view name) {
    line = skip_blanks(line);
    if (line.starts_with("export") && line.size() > 6 && is_blank(line[6])) {
        line = skip_blanks(line.substr(6));
    }
    if (!line.starts_with(name)) {
        return std::nullopt;
    }
    line = skip_blanks(line.substr(name.size()));
    if (!line.starts_with('=')) {
        return std::nullopt;
    }
    return skip_blanks(line.substr(1));
}

std::string unquote(std::string_view raw) {
    if (raw.starts_with('\'')) {
        const auto end = raw.find('\'', 1);
        return std::string(raw.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
    }
    if (raw.starts_with('"')) {
        std::string value;
        for (size_t i = 1; i < raw.size() && raw[i] != '"'; ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size()) {
                const char escaped = raw[++i];
                value += escaped == 'n' ? '\n' : escaped;
            } else {
                value += raw[i];
            }
        }
        return value;
    }
    const auto comment = raw.find(" #");
    auto value = raw.substr(0, comment);
    while (!value.empty() && is_blank(value.back())) {
        value.remove_suffix(1);
    }
    return std::string(value);
}

std::string_view dominant_ending(const std::vector<Line>& lines) {
    for (const auto& line : lines) {
        if (!line.ending.empty()) {
            return line.ending.starts_with('\r') ? "\r\n" : "\n";
        }
    }
    return "\n";
}

}  // namespace

std::optional<std::string> find_dotenv_value(std::string_view text, std::string_view name) {
    std::optional<std::string> found;
    for (const auto& line : split_lines(text)) {
        if (const auto raw = assignment_value(line.body, name)) {
            found = unquote(*raw);
        }
    }
    return found;
}

std::string set_dotenv_value(std::string_view text, std::string_view name, std::string_view value) {
    const auto lines = split_lines(text);
    const auto ending = dominant_ending(lines);
    const std::string assignment = std::string(name) + "=" + std::string(value);
    std::string out;
    bool replaced = false;
    for (const auto& line : lines) {
        if (assignment_value(line.body, name)) {
            if (!replaced) {
                out += assignment;
                out += line.ending.ends_with('\n') ? line.ending : ending;
                replaced = true;
            }
            continue;
        }
        out += line.body;
        out += line.ending;
    }
    if (!replaced) {
        if (!out.empty() && out.back() == '\r') {
            // The last line ends in a lone CR (a CRLF file that lost its final LF): complete that line end.
            // Another CRLF after it would make the CR part of that line's value. Found by
            // fuzz/dotenv_text_fuzzer.cpp.
            out += '\n';
        } else if (!out.empty() && out.back() != '\n') {
            out += ending;
        }
        out += assignment;
        out += ending;
    }
    return out;
}

std::string remove_dotenv_value(std::string_view text, std::string_view name) {
    std::string out;
    for (const auto& line : split_lines(text)) {
        if (!assignment_value(line.body, name)) {
            out += line.body;
            out += line.ending;
        }
    }
    return out;
}

bool is_safe_unquoted_dotenv_value(std::string_view value) {
    if (value.empty()) {
        return false;
    }
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F || c == '"' || c == '\'' || c == '#' || c == '\\' || c == '$' ||
            c == '`') {
            return false;
        }
    }
    return true;
}

}  // namespace keywizard::settings
