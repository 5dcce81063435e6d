#pragma once
// What a server says, read without trusting it: the API's error body, and any of its text made fit to show.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace keywizard::net {

// The API's error body, {"error":{"message","type","param","code"}}, as far as it is there. Fields that are
// null, missing or not strings are empty (a numeric code is kept as its digits).
struct ApiError {
    std::string message;
    std::string type;
    std::string code;
    std::string param;
};

// Accepts what the real API and the gateways in front of it send: `error` as an object, as a bare string
// (its message), or absent with message/type/code at the top level. Nothing when the body is not JSON (an
// HTML page, empty, cut off) or holds no error at all. Never throws.
std::optional<ApiError> parse_api_error(std::string_view body);

// Tokens that start with "sk-" are masked the way mask_key does (servers echo keys half-starred:
// "sk-proj-********wxyz" stays recognisable as "sk-proj-…wxyz"); key_like also replaces other key-like
// tokens (20 or more key characters mixing letters and digits, not a public id such as org-, proj_, req_
// or user-) by "[redacted]".
enum class Redaction {
    key_like,  // "sk-" tokens masked, other key-like tokens replaced
    sk_only,   // only "sk-" tokens masked: for ids that look random by design (x-request-id)
};

// Text from a server or libcurl made fit to show a person and to put in --json: valid UTF-8 (invalid bytes
// become '?'), control characters, U+2028/U+2029 and runs of whitespace become one space, bidi controls
// and invisible format characters (is_unsafe_to_print) are dropped, at most `max_characters`
// characters (then "…"), and anything that could be a key redacted.
std::string displayable_server_text(std::string_view text, std::size_t max_characters = 300,
                                    Redaction redaction = Redaction::key_like);

// Replaces every occurrence of `key` in `text` by mask_key(key). No-op for an empty key.
std::string redact_key(std::string_view text, std::string_view key);

// A short description of a body that is not the API's JSON, for `detail`: the <title> of an HTML page, or
// the start of plain text. Empty for an empty body.
std::string excerpt_of_body(std::string_view body);

// True when the body, after leading whitespace, starts like an HTML or XML document.
bool looks_like_html(std::string_view body);

}  // namespace keywizard::net
