#pragma once

#include <span>
#include <string_view>

// The messages settings/ writes for a person that have fill-ins, as format strings with {name} placeholders
// (net/phrase.h fills them in). They are marked for the catalog in message_formats.cpp; the windows and the
// command line translate them where they show them (core::in_person_words). The stored text stays English.
namespace keywizard::settings::formats {

extern const std::string_view saved_in;                 // {location}
extern const std::string_view saved_in_file;            // {path}
extern const std::string_view removed_from;             // {location}
extern const std::string_view not_stored_in;            // {location}
extern const std::string_view was_not_stored_in;        // {location}
extern const std::string_view none_stored;              // {keyring} {file}
extern const std::string_view none_stored_unsearched;   // {keyring} {file} {error}
extern const std::string_view none_was_stored;          // {keyring} {file}
extern const std::string_view no_line_in;               // {path}
extern const std::string_view keyring_not_started;      // {error}
extern const std::string_view keyring_no_answer;        // {error}
extern const std::string_view keyring_error;            // {error}
extern const std::string_view no_session_bus;           // {detail}
extern const std::string_view keyring_stuck;            // {seconds}
extern const std::string_view cannot_store_in_file;     // {path}
extern const std::string_view could_not_remove_from;    // {location} {error}
extern const std::string_view old_copy_not_removed;     // {location} {error}
extern const std::string_view removed_old_copy;         // {location}
extern const std::string_view could_not_save_settings;  // {error}
extern const std::string_view settings_not_saved;       // {problem}
extern const std::string_view key_not_saved;            // {problem}
extern const std::string_view left_as_it_is;            // {problem}

// Every format above, longest first where one could also match the other's text.
std::span<const std::string_view> all();

}  // namespace keywizard::settings::formats
