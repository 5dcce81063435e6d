#pragma once

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

}  // namespace keywizard::net
