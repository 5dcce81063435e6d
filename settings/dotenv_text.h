#pragma once

// Reading and editing one variable in the text of a dotenv file, keeping everything else as it is.
//
// Lines are read the way dotenv loaders and `set -a; . ./.env` agree on: `NAME=value`, optionally
// `export NAME=value`, spaces around `=`, a value in "double" quotes (with \" \\ \n escapes) or 'single'
// quotes (literal), an unquoted value ending at ` #` (a comment) or the end of the line, CRLF line
// ends, `#` comment lines. When a name appears twice the last one counts, as in a shell.

#include <optional>
#include <string>
#include <string_view>

namespace keywizard::settings {

std::optional<std::string> find_dotenv_value(std::string_view text, std::string_view name);

// Replaces the line that defines `name` (the first one; later duplicates are dropped so a reader sees
// the new value) or appends one, keeping every other line, comment and the file's line ending style.
// `value` must be safe unquoted (no whitespace, quotes, `#`, `\`, `$` or control characters).
std::string set_dotenv_value(std::string_view text, std::string_view name, std::string_view value);

// Removes every line that defines `name` and nothing else.
std::string remove_dotenv_value(std::string_view text, std::string_view name);

bool is_safe_unquoted_dotenv_value(std::string_view value);

}  // namespace keywizard::settings
