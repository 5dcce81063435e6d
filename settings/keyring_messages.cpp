#include "settings/keyring_messages.h"

#include "settings/libsecret_api.h"

#include <cstdlib>
#include "net/phrase.h"
#include "settings/message_formats.h"

namespace keywizard::settings::keyring_messages {
namespace {

// Errors only come from libsecret calls, so it is loaded whenever one is explained: libsecret() is safe.
GQuark dbus_error() {
    return libsecret().g_dbus_error_quark();
}
GQuark io_error() {
    return libsecret().g_io_error_quark();
}
GQuark secret_error() {
    return libsecret().secret_error_get_quark();
}

// "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name ..." -> "The name ..."
std::string plain_message(const GError* error) {
    GError* copy = libsecret().g_error_copy(error);
    libsecret().g_dbus_error_strip_remote_error(copy);
    std::string message = copy->message;
    libsecret().g_error_free(copy);
    return message;
}

bool is_activation_failure(const GError* error) {
    if (error->domain != dbus_error()) {
        return false;
    }
    switch (error->code) {
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string explain(const GError* error, Stage stage) {
    if (error == nullptr) {
        return "The keyring failed without saying why";
    }
    if (libsecret().g_error_matches(error, dbus_error(), G_DBUS_ERROR_SERVICE_UNKNOWN) ||
        libsecret().g_error_matches(error, dbus_error(), G_DBUS_ERROR_NAME_HAS_NO_OWNER)) {
        return "No Secret Service provider: nothing on the D-Bus session bus offers a keyring "
               "(org.freedesktop.secrets); install and start GNOME Keyring, or KeePassXC with its Secret "
               "Service "
               "integration";
    }
    if (is_activation_failure(error)) {
        return net::fill(formats::keyring_not_started, {{"error", plain_message(error)}});
    }
    if (libsecret().g_error_matches(error, secret_error(), SECRET_ERROR_IS_LOCKED)) {
        return locked();
    }
    if (libsecret().g_error_matches(error, dbus_error(), G_DBUS_ERROR_NO_REPLY) ||
        libsecret().g_error_matches(error, dbus_error(), G_DBUS_ERROR_TIMEOUT) ||
        libsecret().g_error_matches(error, dbus_error(), G_DBUS_ERROR_TIMED_OUT) ||
        libsecret().g_error_matches(error, io_error(), G_IO_ERROR_TIMED_OUT)) {
        return net::fill(formats::keyring_no_answer, {{"error", plain_message(error)}});
    }
    if (libsecret().g_error_matches(error, io_error(), G_IO_ERROR_CLOSED)) {
        // The bus went away while the app was running (libsecret keeps its closed connection).
        return no_session_bus("the connection to the session bus was closed");
    }
    if (stage == Stage::connecting && error->domain == io_error()) {
        const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
        return no_session_bus(address != nullptr && *address != '\0'
                                  ? "could not connect to " + std::string(address) + ": " +
                                        plain_message(error)
                                  : plain_message(error));
    }
    return net::fill(formats::keyring_error, {{"error", plain_message(error)}});
}

std::string no_session_bus(const std::string& detail) {
    return net::fill(formats::no_session_bus, {{"detail", detail}});
}

std::string no_default_collection() {
    return "The keyring has no default collection to save into yet; create one (for example with Seahorse, "
           "\"Passwords and Keys\") and try again";
}

std::string locked() {
    return "The keyring is locked; unlock it (for example by logging in to the desktop, or with Seahorse, "
           "\"Passwords and Keys\") and try again";
}

std::string no_answer(std::chrono::milliseconds timeout) {
    const auto tenths = (timeout.count() + 50) / 100;
    const std::string seconds =
        std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : std::string());
    return net::fill(formats::keyring_stuck, {{"seconds", seconds}});
}

std::string not_found() {
    return net::fill(formats::not_stored_in, {{"location", location()}});
}
std::string saved() {
    return net::fill(formats::saved_in, {{"location", location()}});
}
std::string removed() {
    return net::fill(formats::removed_from, {{"location", location()}});
}
std::string nothing_to_remove() {
    return net::fill(formats::was_not_stored_in, {{"location", location()}});
}
std::string location() {
    return "the desktop keyring (Secret Service)";
}

}  // namespace keywizard::settings::keyring_messages
