// A child process for keyring_tests. libsecret keeps one Secret Service connection per process, so every
// failure mode (no bus, no provider, locked, silent provider) is tried in a fresh process with its own
// environment. The key is passed on stdin, never in argv, and never printed.
//
//   keyring_test_helper probe|read|write|erase TIMEOUT_MS   one SecretStore call; prints state= ok= message=
//   elapsed_ms= keyring_test_helper wait-for-name NAME TIMEOUT_MS       exits 0 once NAME has an owner on the
//   session bus keyring_test_helper lock-default                        locks the default collection (no
//   prompt needed) keyring_test_helper silent-provider                     owns org.freedesktop.secrets and
//   never answers a call

#include <gio/gio.h>
#include <libsecret/secret.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>

#include "settings/secret_store.h"

using namespace keywizard::settings;

namespace {

const char* state_name(SecretReadState state) {
    switch (state) {
        case SecretReadState::found:
            return "found";
        case SecretReadState::not_found:
            return "not_found";
        case SecretReadState::unavailable:
            return "unavailable";
        case SecretReadState::failed:
            return "failed";
    }
    return "?";
}

std::string read_stdin() {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

int store_call(const std::string& operation, long timeout_ms) {
    auto store = make_keyring_store("keywizard", std::chrono::milliseconds(timeout_ms));
    const auto started = std::chrono::steady_clock::now();
    std::string report;
    int code = 0;
    if (operation == "probe") {
        const auto reason = store->unavailable_reason();
        report = reason ? "ok=0\nmessage=" + *reason : "ok=1\nmessage=";
    } else if (operation == "read") {
        const auto expected = read_stdin();
        const auto read = store->read();
        report = std::string("state=") + state_name(read.state) + "\nmessage=" + read.message +
                 "\nmatches_stdin=" + (read.value == expected && !expected.empty() ? "1" : "0");
    } else if (operation == "write" || operation == "erase") {
        const auto status = operation == "write" ? store->write(read_stdin()) : store->erase();
        report = std::string("ok=") + (status.ok ? "1" : "0") + "\nmessage=" + status.message;
    } else {
        code = 64;
    }
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    std::cout << report << "\nelapsed_ms=" << elapsed << std::endl;
    return code;
}

int wait_for_name(const char* name, long timeout_ms) {
    struct Waiting {
        GMainLoop* loop;
        bool appeared = false;
    } waiting{g_main_loop_new(nullptr, FALSE)};
    const guint watch = g_bus_watch_name(
        G_BUS_TYPE_SESSION, name, G_BUS_NAME_WATCHER_FLAGS_NONE,
        [](GDBusConnection*, const gchar*, const gchar*, gpointer data) {
            auto* w = static_cast<Waiting*>(data);
            w->appeared = true;
            g_main_loop_quit(w->loop);
        },
        nullptr, &waiting, nullptr);
    g_timeout_add(
        static_cast<guint>(timeout_ms),
        [](gpointer loop) {
            g_main_loop_quit(static_cast<GMainLoop*>(loop));
            return G_SOURCE_REMOVE;
        },
        waiting.loop);
    g_main_loop_run(waiting.loop);
    g_bus_unwatch_name(watch);
    std::cout << (waiting.appeared ? "appeared" : "absent") << std::endl;
    return waiting.appeared ? 0 : 1;
}

int lock_default() {
    GError* error = nullptr;
    SecretService* service = secret_service_get_sync(SECRET_SERVICE_NONE, nullptr, &error);
    SecretCollection* collection =
        service ? secret_collection_for_alias_sync(service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                                                   nullptr, &error)
                : nullptr;
    if (collection == nullptr) {
        std::cout << "no default collection: " << (error ? error->message : "") << std::endl;
        return 1;
    }
    GList* objects = g_list_append(nullptr, collection);
    const gint locked = secret_service_lock_sync(service, objects, nullptr, nullptr, &error);
    g_list_free(objects);
    std::cout << "locked=" << locked << (error ? std::string(" ") + error->message : "") << std::endl;
    return locked == 1 ? 0 : 1;
}

// Drops every method call addressed to this process, so callers wait for a reply that never comes
// (a plain GDBus owner would at least answer "unknown method").
int silent_provider() {
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (bus == nullptr) {
        std::cout << "no bus: " << error->message << std::endl;
        return 1;
    }
    g_dbus_connection_add_filter(
        bus,
        [](GDBusConnection*, GDBusMessage* message, gboolean incoming, gpointer) -> GDBusMessage* {
            if (incoming && g_dbus_message_get_message_type(message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL) {
                g_object_unref(message);
                return nullptr;
            }
            return message;
        },
        nullptr, nullptr);
    GMainLoop* loop = g_main_loop_new(nullptr, FALSE);
    g_bus_own_name_on_connection(
        bus, "org.freedesktop.secrets", G_BUS_NAME_OWNER_FLAGS_NONE,
        [](GDBusConnection*, const gchar*, gpointer) { std::cout << "ready" << std::endl; },
        [](GDBusConnection*, const gchar*, gpointer loop) {
            g_main_loop_quit(static_cast<GMainLoop*>(loop));
        },
        loop, nullptr);
    g_main_loop_run(loop);  // until the bus goes away or the test kills this process
    return 0;
}

// The bus disappearing under a running app must not kill it (GLib's default for the shared connection).
// Like a GUI app's main loop (GTK runs GLib's default context), where GLib handles "closed" signals.
void run_default_main_context_for(std::chrono::milliseconds duration) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        if (!g_main_context_iteration(nullptr, FALSE)) {
            g_usleep(5'000);
        }
    }
}

int until_bus_lost() {
    auto store = make_keyring_store("keywizard", std::chrono::seconds(2));
    const auto first = store->unavailable_reason().value_or("available");
    std::cout << "connected: " << first << std::endl;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        const auto reason = store->unavailable_reason().value_or("available");
        if (reason != first) {
            run_default_main_context_for(std::chrono::milliseconds(500));  // still alive afterwards?
            std::cout << "message=" << reason << std::endl;
            return 0;
        }
        run_default_main_context_for(std::chrono::milliseconds(50));
    }
    std::cout << "message=<still the same>" << std::endl;
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if ((mode == "probe" || mode == "read" || mode == "write" || mode == "erase") && argc == 3) {
        return store_call(mode, std::atol(argv[2]));
    }
    if (mode == "wait-for-name" && argc == 4) {
        return wait_for_name(argv[2], std::atol(argv[3]));
    }
    if (mode == "lock-default") {
        return lock_default();
    }
    if (mode == "until-bus-lost") {
        return until_bus_lost();
    }
    if (mode == "silent-provider") {
        return silent_provider();
    }
    std::cerr << "usage: see the comment at the top of keyring_test_helper.cpp" << std::endl;
    return 64;
}
