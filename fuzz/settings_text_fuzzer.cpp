// Fuzz target: the settings.json reader and editor (settings/settings_json.h) on any text a hand edit, a
// crash or a full disk could leave behind. Whatever it reads, a save writes a file that reads back as
// what was saved, and keeps every key this version does not know.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "settings/settings_json.h"

namespace {

using keywizard::settings::AppSettings;
using keywizard::settings::FirstRunState;
using keywizard::settings::SecretBackend;
using Tree = nlohmann::ordered_json;

const char* const known_keys[] = {"base_url",  "organization",    "project",         "proxy",
                                  "ca_file",   "timeout_seconds", "required_models", "key_storage",
                                  "first_run", "last_check"};

bool is_known(const std::string& key) {
    for (const char* known : known_keys) {
        if (key == known) {
            return true;
        }
    }
    return false;
}

bool same(const AppSettings& a, const AppSettings& b) {
    return a.base_url == b.base_url && a.organization == b.organization && a.project == b.project &&
           a.proxy == b.proxy && a.ca_file == b.ca_file && a.timeout_seconds == b.timeout_seconds &&
           a.required_models == b.required_models && a.key_storage == b.key_storage &&
           a.first_run == b.first_run && a.last_check_status == b.last_check_status &&
           a.last_check_reason == b.last_check_reason && a.last_check_time == b.last_check_time;
}

// Every setting changed from what was read (the input's first byte picks some of the values).
AppSettings changed(const AppSettings& read, std::uint8_t choice) {
    AppSettings after = read;
    after.base_url = choice & 1 ? "https://kw.example/v1" : "";
    after.organization = read.organization == "org-kwfuzz" ? "" : "org-kwfuzz";
    after.project = "proj_kwfuzz";
    after.proxy = choice & 2 ? "http://127.0.0.1:3128" : read.proxy;
    after.ca_file = read.ca_file + "/x";
    after.timeout_seconds = read.timeout_seconds == 45 ? 30 : 45;
    after.required_models = choice & 4 ? std::vector<std::string>{"gpt-4o"} : std::vector<std::string>{};
    after.key_storage = choice & 8 ? std::optional(SecretBackend::file) : std::nullopt;
    after.first_run = choice & 16 ? FirstRunState::completed : FirstRunState::pending;
    after.last_check_status = choice & 32 ? "valid" : "";
    after.last_check_reason = "ok";
    after.last_check_time = read.last_check_time.empty() ? "2026-01-01T00:00:00Z" : "";
    return after;
}

// Saves `after` over `tree` (read as `before`) and checks that the file reads back as `after` and that
// every key this version does not know is still there, unchanged and in its place.
Tree save_and_reread(const Tree& tree, const AppSettings& before, const AppSettings& after) {
    Tree edited = tree;
    keywizard::settings::apply_settings_changes(edited, before, after);
    const std::string text = keywizard::settings::settings_to_text(edited);
    FUZZ_CHECK(keywizard::fuzz::is_valid_utf8(text));

    const auto reread = keywizard::settings::parse_settings_text(text);
    FUZZ_CHECK(reread.tree.has_value());
    std::vector<std::string> warnings;
    FUZZ_CHECK(same(keywizard::settings::settings_from_json(*reread.tree, warnings), after));

    std::vector<std::string> unknown_before;
    std::vector<std::string> unknown_after;
    for (const auto& [key, value] : tree.items()) {
        if (!is_known(key)) {
            unknown_before.push_back(key);
            FUZZ_CHECK(reread.tree->contains(key) && (*reread.tree)[key] == value);
        }
    }
    for (const auto& [key, value] : reread.tree->items()) {
        if (!is_known(key)) {
            unknown_after.push_back(key);
        }
    }
    FUZZ_CHECK(unknown_before == unknown_after);
    return *reread.tree;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = keywizard::settings::parse_settings_text(text);
    FUZZ_CHECK(parsed.tree.has_value() != !parsed.corruption.empty());
    if (!parsed.tree) {
        return 0;
    }
    FUZZ_CHECK(parsed.tree->is_object());

    std::vector<std::string> warnings;
    const AppSettings read = keywizard::settings::settings_from_json(*parsed.tree, warnings);
    for (const auto& warning : warnings) {
        FUZZ_CHECK(keywizard::fuzz::is_valid_utf8(warning));
    }

    // Saving nothing new rewrites the same settings.
    save_and_reread(*parsed.tree, read, read);
    // Changing everything, then putting everything back to its default, both read back as saved.
    const AppSettings after = changed(read, size > 0 ? data[0] : 0);
    const Tree saved = save_and_reread(*parsed.tree, read, after);
    save_and_reread(saved, after, AppSettings{});
    return 0;
}
