#pragma once

// settings.json <-> AppSettings. Internal to settings/: the rest of the app sees only AppSettings.
//
// The file is one JSON object. Keys this version reads and writes:
//   "base_url"         string   endpoint, e.g. "https://api.openai.com/v1" (absent: the default)
//   "organization"     string   OpenAI-Organization header
//   "project"          string   OpenAI-Project header
//   "proxy"            string   proxy URL for libcurl
//   "ca_file"          string   PEM bundle path
//   "timeout_seconds"  integer  > 0, total time of one check
//   "required_models"  array of strings
//   "key_storage"      "keyring" | "file"   where the key was saved (absent: never saved)
//   "first_run"        "pending" | "skipped" | "completed"
//   "verified_base_url" string   the base URL the stored key was last verified against
//   "recheck_interval_hours" integer >= 0: the app re-checks the stored key at start at most this often
//                     (default 24; 0: never)
//   "last_check"       object {"status": string, "reason": string, "time": string (UTC, ISO 8601)}
// Any other key is kept as it is, in its place. A known key of the wrong type is ignored with a warning
// (the default is used) and left in the file untouched until the app changes that setting.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settings/app_settings.h"
#include "settings/json_internal.h"

namespace keywizard::settings {

struct ParsedSettingsText {
    std::optional<nlohmann::ordered_json> tree;  // a JSON object, when the text is usable
    std::string corruption;  // else why not, e.g. "it starts with a UTF-8 byte order mark"
};

inline constexpr std::size_t max_settings_depth = 64;

// Empty text, NUL bytes, a byte order mark, invalid JSON, a top level that is not an object, more than 4
// MiB or arrays and objects nested deeper than max_settings_depth all count as corrupt. (The depth is
// checked before parsing: copying or printing a 100k-deep tree recurses until the stack runs out.) (A BOM
// followed by valid JSON too: no editor needs one, and accepting it would mean silently rewriting the file
// without it.)
ParsedSettingsText parse_settings_text(std::string_view text);

// Fields of the wrong type keep their defaults; each adds a warning naming the key.
AppSettings settings_from_json(const nlohmann::ordered_json& tree, std::vector<std::string>& warnings);

// Writes into `tree` only the fields where `after` differs from `before`, so unknown keys, their order
// and settings that this edit did not touch stay exactly as they were. A field set back to its default
// is removed.
void apply_settings_changes(nlohmann::ordered_json& tree, const AppSettings& before,
                            const AppSettings& after);

std::string settings_to_text(const nlohmann::ordered_json& tree);

}  // namespace keywizard::settings
