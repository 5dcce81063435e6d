#pragma once

// Every sentence the keyring backend says to a person, and the mapping from libsecret/GDBus errors to
// them. What libsecret 0.20.5 reports (seen on Debian 12 with gnome-keyring 42):
//   no bus, no address:      G_IO_ERROR_FAILED "Cannot autolaunch D-Bus without X11 $DISPLAY" (or a new bus
//   is
//                            autolaunched when DISPLAY is set, which is why the address is checked first)
//   address to a dead path:  G_IO_ERROR_NOT_FOUND "Could not connect: No such file or directory"
//   malformed address:       G_IO_ERROR_INVALID_ARGUMENT "Address element ... does not contain a colon"
//   no provider:             connecting succeeds; the first call fails with G_DBUS_ERROR_SERVICE_UNKNOWN
//                            "The name org.freedesktop.secrets was not provided by any .service files"
//   locked default keyring:  nothing fails by itself; SecretCollection/SecretItem report locked, and a
//                            store fails with SECRET_ERROR_IS_LOCKED only after asking for a prompt
//   no default keyring:      the "default" alias resolves to nothing (a store would prompt to create one)
//   provider never answers:  every call waits for D-Bus's 25 s reply timeout (G_DBUS_ERROR_NO_REPLY)
//   bus gone while running:  G_IO_ERROR_CLOSED "The connection is closed" (and, without exit-on-close turned
//                            off, GLib raises SIGTERM in the whole process)

#include <gio/gio.h>

#include <chrono>
#include <string>

namespace keywizard::settings::keyring_messages {

enum class Stage { connecting, calling };

std::string explain(const GError* error, Stage stage);

std::string no_session_bus(const std::string& detail);
std::string no_default_collection();
std::string locked();
std::string no_answer(std::chrono::milliseconds timeout);
std::string not_found();
std::string saved();
std::string removed();
std::string nothing_to_remove();
std::string location();

}  // namespace keywizard::settings::keyring_messages
