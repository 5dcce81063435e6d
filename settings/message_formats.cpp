#include "settings/message_formats.h"

// Marks English text for the catalog (xgettext --keyword=N_); it is translated where it is shown.
#define N_(text) text

namespace keywizard::settings::formats {

const std::string_view saved_in = N_("Saved the key in {location}");
const std::string_view saved_in_file =
    N_("Saved the key in {path} (a plain text file that only you can read)");
const std::string_view removed_from = N_("Removed the key from {location}");
const std::string_view not_stored_in = N_("No key is stored in {location}");
const std::string_view was_not_stored_in = N_("No key was stored in {location}");
const std::string_view none_stored = N_("No key is stored (looked in {keyring} and {file})");
const std::string_view none_stored_unsearched =
    N_("No key is stored (looked in {keyring} and {file}); the keyring could not be searched: {error}");
const std::string_view none_was_stored = N_("No key was stored (looked in {keyring} and {file})");
const std::string_view no_line_in = N_("No OPENAI_API_KEY line in {path}");
const std::string_view keyring_not_started = N_("The keyring service could not be started: {error}");
const std::string_view keyring_no_answer = N_("The keyring service did not answer: {error}");
const std::string_view keyring_error = N_("The keyring reported an error: {error}");
const std::string_view no_session_bus = N_("No D-Bus session bus: the keyring cannot be reached ({detail})");
const std::string_view keyring_stuck =
    N_("The keyring did not answer within {seconds} s: the Secret Service provider (org.freedesktop.secrets) "
       "seems to be stuck");
const std::string_view cannot_store_in_file =
    N_("The key contains characters (spaces, quotes or control characters) that cannot be stored in {path}; "
       "nothing was saved");
const std::string_view could_not_remove_from = N_("Could not remove the key from {location}: {error}");
const std::string_view old_copy_not_removed = N_("The old copy in {location} could not be removed: {error}");
const std::string_view removed_old_copy = N_("Removed the old copy from {location}");
const std::string_view could_not_save_settings = N_("Could not save the settings: {error}");
const std::string_view settings_not_saved = N_("{problem}; settings were not saved");
const std::string_view key_not_saved = N_("{problem}; the key was not saved");
const std::string_view left_as_it_is = N_("{problem}; it was left as it is");

namespace {

// Sentences settings/ writes without fill-ins, for xgettext only (they are looked up whole).
[[maybe_unused]] constexpr std::string_view whole_sentences[] = {
    N_("the desktop keyring (Secret Service)"),
    N_("Nothing was changed: the key was not saved."),
    N_("Nothing was removed."),
    N_("The keyring failed without saying why"),
    N_("The keyring is locked; unlock it (for example by logging in to the desktop, or with Seahorse, "
       "\"Passwords and Keys\") and try again"),
    N_("The keyring has no default collection to save into yet; create one (for example with Seahorse, "
       "\"Passwords and Keys\") and try again"),
    N_("No Secret Service provider: nothing on the D-Bus session bus offers a keyring "
       "(org.freedesktop.secrets); install and start GNOME Keyring, or KeePassXC with its Secret Service "
       "integration"),
    N_("The key contains control characters; nothing was saved"),
    N_("The key is empty; nothing was saved"),
    N_("the connection to the session bus was closed"),
    N_("DBUS_SESSION_BUS_ADDRESS is not set"),
};

const std::string_view every[] = {
    none_stored_unsearched,
    none_stored,
    none_was_stored,
    saved_in_file,
    saved_in,
    removed_from,
    not_stored_in,
    was_not_stored_in,
    no_line_in,
    keyring_not_started,
    keyring_no_answer,
    keyring_error,
    no_session_bus,
    keyring_stuck,
    cannot_store_in_file,
    could_not_remove_from,
    old_copy_not_removed,
    removed_old_copy,
    could_not_save_settings,
    settings_not_saved,
    key_not_saved,
    left_as_it_is,
};

}  // namespace

std::span<const std::string_view> all() {
    return every;
}

}  // namespace keywizard::settings::formats
