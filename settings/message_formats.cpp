#include "settings/message_formats.h"

// Marks English text for the catalog (xgettext --keyword=N_); it is translated where it is shown. The formats
// with fill-ins are marked in message_formats.def.
#define N_(text) text

namespace keywizard::settings::formats {

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
#define KEYWIZARD_FORMAT(name, text) name,
#include "settings/message_formats.def"
#undef KEYWIZARD_FORMAT
};

}  // namespace

std::span<const std::string_view> all() {
    return every;
}

}  // namespace keywizard::settings::formats
