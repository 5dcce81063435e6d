#include "net/json.h"

namespace keywizard::net {
namespace {

constexpr int deepest_nesting = 64;

// One pass over the text, skipping strings, counting how deep arrays and objects go.
bool nesting_at_most(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return false;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

}  // namespace

nlohmann::json parse_untrusted_json(std::string_view text) {
    if (!nesting_at_most(text, deepest_nesting)) {
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace keywizard::net
