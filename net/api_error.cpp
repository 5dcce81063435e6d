#include "net/api_error.h"

#include "net/json.h"

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

}  // namespace keywizard::net
