#pragma once

// The only place net/ includes nlohmann/json. Implicit conversions are off so that every read says its
// type (`get<std::string>()` after `is_string()`): OpenAI sends null where a string is expected (`code`,
// `param`), and an implicit conversion would throw far from where the field is read.
#define JSON_USE_IMPLICIT_CONVERSIONS 0
#include <nlohmann/json.hpp>
