#pragma once

// The only place net/ includes nlohmann/json. Implicit conversions are off (JSON_USE_IMPLICIT_CONVERSIONS=0,
// set once for every target in the top-level CMakeLists.txt) so that every read says its
// type (`get<std::string>()` after `is_string()`): OpenAI sends null where a string is expected (`code`,
// `param`), and an implicit conversion would throw far from where the field is read.
#include <nlohmann/json.hpp>

#include <string_view>

namespace keywizard::net {

// Parses a body from the network: a discarded value (is_discarded()) instead of an exception for anything
// that is not JSON, and also for nesting deeper than the API ever sends, which would otherwise cost about
// a hundred bytes of memory per level (4 MiB of '[' is hundreds of megabytes).
nlohmann::json parse_untrusted_json(std::string_view text);

}  // namespace keywizard::net
