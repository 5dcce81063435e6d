// Fuzz target: net::lint_key and net::mask_key on arbitrary bytes (a paste can hold anything).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "net/key_lint.h"

namespace {

using keywizard::fuzz::is_valid_utf8;
using keywizard::net::KeyLintVerdict;

bool is_key_shaped(std::string_view key) {
    if (key.size() < 20 || key.size() > 512) {
        return false;
    }
    for (const char c : key) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             c == '_' || c == '-';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

// The longest known prefix ("sk-svcacct-"), the ellipsis (3 bytes) and the last four characters.
constexpr std::size_t longest_mask = 11 + 3 + 4;

void check_mask(std::string_view text) {
    const std::string masked = keywizard::net::mask_key(text);
    FUZZ_CHECK(is_valid_utf8(masked));
    FUZZ_CHECK(masked.size() <= longest_mask);
    FUZZ_CHECK(masked.find("\xE2\x80\xA6") != std::string::npos);  // always visibly masked
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const auto lint = keywizard::net::lint_key(raw);

    FUZZ_CHECK(is_valid_utf8(lint.problem));
    for (const auto& note : lint.notes) {
        FUZZ_CHECK(is_valid_utf8(note));
    }
    switch (lint.verdict) {
        case KeyLintVerdict::ok: {
            FUZZ_CHECK(is_key_shaped(lint.key));
            FUZZ_CHECK(!lint.key.starts_with("sk-admin-"));
            FUZZ_CHECK(raw.find(lint.key) != std::string_view::npos);  // only wrapping is ever removed
            FUZZ_CHECK(lint.problem.empty());
            FUZZ_CHECK(lint.bad_position == 0);
            // A clean key lints to itself: nothing else is changed on the way.
            const auto again = keywizard::net::lint_key(lint.key);
            FUZZ_CHECK(again.ok() && again.key == lint.key);
            const std::string masked = keywizard::net::mask_key(lint.key);
            FUZZ_CHECK(masked.find(lint.key) == std::string::npos);
            FUZZ_CHECK(masked.ends_with(lint.key.substr(lint.key.size() - 4)));
            break;
        }
        case KeyLintVerdict::admin_key:
            FUZZ_CHECK(lint.key.empty());
            FUZZ_CHECK(raw.find("sk-admin-") != std::string_view::npos);
            FUZZ_CHECK(!lint.problem.empty());
            break;
        case KeyLintVerdict::malformed:
            FUZZ_CHECK(lint.key.empty());
            FUZZ_CHECK(!lint.problem.empty());
            FUZZ_CHECK(lint.bad_position <= raw.size());
            break;
    }
    check_mask(raw);
    return 0;
}
