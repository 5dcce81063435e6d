#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace keywizard::net {

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
