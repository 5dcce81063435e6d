// Fuzz target: reading and editing OPENAI_API_KEY in a .env file (settings/dotenv_text.h) that a person or
// another tool may have written any way at all. An edit must do what it says to our variable and leave
// every other variable reading exactly as before.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "settings/dotenv_text.h"

namespace {

using keywizard::settings::find_dotenv_value;

constexpr std::string_view name = "OPENAI_API_KEY";
// Others that a .env next to ours commonly holds, one sharing our name's start.
constexpr std::string_view other_names[] = {"OPENAI_BASE_URL", "OPENAI_API_KEY_2", "OTHER"};
const std::string test_key = "sk-proj-kwFUZZdotenv0123456789abcdefghij";

void check_others_unchanged(std::string_view before, std::string_view after) {
    for (const auto other : other_names) {
        FUZZ_CHECK(find_dotenv_value(before, other) == find_dotenv_value(after, other));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)find_dotenv_value(text, name);

    FUZZ_CHECK(keywizard::settings::is_safe_unquoted_dotenv_value(test_key));
    const std::string set = keywizard::settings::set_dotenv_value(text, name, test_key);
    FUZZ_CHECK(find_dotenv_value(set, name) == test_key);
    check_others_unchanged(text, set);
    // Setting again changes nothing more.
    FUZZ_CHECK(keywizard::settings::set_dotenv_value(set, name, test_key) == set);

    const std::string removed = keywizard::settings::remove_dotenv_value(text, name);
    FUZZ_CHECK(!find_dotenv_value(removed, name).has_value());
    check_others_unchanged(text, removed);
    return 0;
}
