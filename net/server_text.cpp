#include "net/server_text.h"

#include <algorithm>
#include <array>

#include "net/ascii.h"
#include "net/json.h"
#include "net/key_lint.h"
#include "net/printable_text.h"

namespace keywizard::net {
namespace {

using nlohmann::json;

std::string text_field(const json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end()) {
        return {};
    }
    if (found->is_string()) {
        return found->get<std::string>();
    }
    if (found->is_number_integer()) {
        return std::to_string(found->get<long long>());
    }
    return {};
}

ApiError error_from_object(const json& object) {
    return ApiError{text_field(object, "message"), text_field(object, "type"), text_field(object, "code"),
                    text_field(object, "param")};
}

bool says_anything(const ApiError& error) {
    return !error.message.empty() || !error.type.empty() || !error.code.empty();
}

constexpr std::size_t key_like_length = 20;
constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // …

// Ids OpenAI prints in messages and headers; they identify, they do not authorise.
constexpr std::array<std::string_view, 4> public_id_prefixes{"org-", "proj_", "req_", "user-"};

// Servers star out the middle of echoed keys; the stars belong to the token.
bool is_token_character(char c) {
    return is_key_character(c) || c == '*';
}

std::string redact_token(std::string_view token, Redaction redaction) {
    if (token.starts_with("sk-")) {
        std::string as_key(token);
        std::replace(as_key.begin(), as_key.end(), '*', 'x');
        return mask_key(as_key);
    }
    if (redaction == Redaction::sk_only) {
        return std::string(token);
    }
    const bool has_digit =
        std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool has_letter = std::any_of(
        token.begin(), token.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    const bool is_public_id = std::any_of(public_id_prefixes.begin(), public_id_prefixes.end(),
                                          [&](std::string_view prefix) { return token.starts_with(prefix); });
    if (token.size() >= key_like_length && has_digit && has_letter && !is_public_id) {
        return "[redacted]";
    }
    return std::string(token);
}

std::string redact(std::string_view text, Redaction redaction) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        if (!is_token_character(text[at])) {
            out += text[at++];
            continue;
        }
        const std::size_t start = at;
        while (at < text.size() && is_token_character(text[at])) {
            ++at;
        }
        out += redact_token(text.substr(start, at - start), redaction);
    }
    return out;
}

// Bidi controls and invisible format characters (U+202E would print what follows backwards) are dropped;
// controls and separators stay for the caller, which turns them into spaces.
std::string without_invisible_format_characters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Step step = decode_utf8_at(text, at);
        const bool control_or_separator =
            step.code_point < 0xA0 || step.code_point == 0x2028 || step.code_point == 0x2029;
        if (!step.valid || control_or_separator || !is_unsafe_to_print(step.code_point)) {
            out.append(text.substr(at, step.length));
        }
        at += step.length;
    }
    return out;
}

}  // namespace

std::optional<ApiError> parse_api_error(std::string_view body) {
    const json document = parse_untrusted_json(body);
    if (!document.is_object()) {
        return std::nullopt;
    }
    ApiError error;
    const auto found = document.find("error");
    if (found != document.end() && found->is_object()) {
        error = error_from_object(*found);
    } else if (found != document.end() && found->is_string()) {
        error.message = found->get<std::string>();
    } else {
        error = error_from_object(document);
    }
    if (!says_anything(error)) {
        return std::nullopt;
    }
    return error;
}

std::string redact_key(std::string_view text, std::string_view key) {
    std::string out(text);
    if (key.empty()) {
        return out;
    }
    const std::string masked = mask_key(key);
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + masked.size())) {
        out.replace(at, key.size(), masked);
    }
    return out;
}

std::string displayable_server_text(std::string_view raw, std::size_t max_characters, Redaction redaction) {
    // Redact before cutting: a key cut in half at the limit would no longer look like one. Invisible
    // characters go before redacting, so a key split by zero-width spaces is whole again when judged.
    const std::string redacted = redact(without_invisible_format_characters(raw), redaction);
    const std::string_view text = redacted;
    std::string clean;
    std::size_t characters = 0;
    bool pending_space = false;
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Step step = decode_utf8_at(text, at);
        // Controls and the line and paragraph separators would break the line: a space.
        const bool blank = step.valid && (step.code_point <= 0x20 || step.code_point == 0x7F ||
                                          (step.code_point >= 0x80 && step.code_point < 0xA0) ||
                                          step.code_point == 0x2028 || step.code_point == 0x2029);
        if (blank) {
            pending_space = !clean.empty();
            at += step.length;
            continue;
        }

        if (characters + (pending_space ? 1 : 0) >= max_characters) {
            // A token cut here is dropped whole: it may be a key that redaction did not recognise (glued to
            // other text, as in "org-sk-proj-..."), and half of it would slip past the exact-key masking
            // that check_key does last. Found by fuzz/models_response_fuzzer.cpp.
            if (!pending_space && is_token_character(text[at])) {
                while (!clean.empty() && is_token_character(clean.back())) {
                    clean.pop_back();
                }
            }
            clean += ellipsis;
            break;
        }
        if (pending_space) {
            clean += ' ';
            ++characters;
            pending_space = false;
        }
        if (step.valid) {
            clean.append(text.substr(at, step.length));
        } else {
            clean += '?';
        }
        ++characters;
        at += step.length;
    }
    return clean;
}

bool looks_like_html(std::string_view body) {
    return ascii::trim(body).starts_with('<');
}

std::string excerpt_of_body(std::string_view body) {
    if (looks_like_html(body)) {
        const std::size_t open = ascii::find_ignoring_case(body, "<title");
        const std::size_t open_end = open == std::string_view::npos ? open : body.find('>', open);
        const std::size_t close = open_end == std::string_view::npos
                                      ? open_end
                                      : ascii::find_ignoring_case(body, "</title", open_end);
        if (close == std::string_view::npos) {
            return "an HTML page";
        }
        const std::string title =
            displayable_server_text(body.substr(open_end + 1, close - open_end - 1), 120);
        return title.empty() ? "an HTML page" : "an HTML page titled \"" + title + "\"";
    }
    return displayable_server_text(body, 200);
}

}  // namespace keywizard::net
