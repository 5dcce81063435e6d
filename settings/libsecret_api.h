#pragma once
// libsecret and the GLib functions used with it, loaded with dlopen the first time the keyring is used.
// keywizard is not linked against them: `keywizard check --stdin` and the other commands that never touch
// the keyring then start without mapping and relocating GLib, GIO, GObject and libsecret (11 libraries,
// about 5 ms of every start: docs/benchmarks.md), and a machine without libsecret gets the keyring's
// "unavailable" path (and the choice of a file) instead of a program that cannot start.
//
// Only the headers' types and constants are used directly. Their error-domain macros (G_IO_ERROR,
// G_DBUS_ERROR, SECRET_ERROR) call functions, so use the quark members below instead.
#include <libsecret/secret.h>

#include "net/run_time_library.h"

namespace keywizard::settings {

#define KEYWIZARD_LIBSECRET_FUNCTIONS(X)   \
    X(g_bus_get_sync)                      \
    X(g_cancellable_cancel)                \
    X(g_cancellable_new)                   \
    X(g_dbus_connection_set_exit_on_close) \
    X(g_dbus_error_quark)                  \
    X(g_dbus_error_strip_remote_error)     \
    X(g_error_copy)                        \
    X(g_error_free)                        \
    X(g_error_matches)                     \
    X(g_hash_table_unref)                  \
    X(g_io_error_quark)                    \
    X(g_list_free_full)                    \
    X(g_object_unref)                      \
    X(secret_attributes_build)             \
    X(secret_collection_for_alias_sync)    \
    X(secret_collection_get_locked)        \
    X(secret_error_get_quark)              \
    X(secret_item_delete_sync)             \
    X(secret_item_get_locked)              \
    X(secret_item_get_secret)              \
    X(secret_service_get_sync)             \
    X(secret_service_search_sync)          \
    X(secret_service_store_sync)           \
    X(secret_value_get)                    \
    X(secret_value_new)                    \
    X(secret_value_unref)

// One pointer per function, named like the function.
struct LibsecretApi {
    KEYWIZARD_LIBSECRET_FUNCTIONS(KEYWIZARD_RUN_TIME_FUNCTION)
};
using LibsecretLoad = net::RunTimeLibrary<LibsecretApi>;

// Loads libsecret once per process (thread-safe) and returns the same result every time after that.
const LibsecretLoad& load_libsecret();

// The loaded functions. Only for code that runs after load_libsecret() succeeded.
inline const LibsecretApi& libsecret() {
    return *load_libsecret().api;
}

}  // namespace keywizard::settings
