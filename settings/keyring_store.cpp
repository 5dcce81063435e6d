#include <sys/stat.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "settings/bounded_gio_call.h"
#include "settings/keyring_messages.h"
#include "settings/libsecret_api.h"
#include "settings/secret_store.h"

namespace keywizard::settings {
namespace {

// Every function below runs only after KeyringStore::bounded has loaded libsecret: libsecret() is safe.

// The item every keywizard stores: found again by its attributes, shown with a readable label in
// Seahorse and other keyring managers.
const SecretSchema* api_key_schema() {
    static const SecretSchema schema = [] {
        SecretSchema built{};  // zeroes libsecret's reserved fields
        built.name = "org.keywizard.ApiKey";
        built.flags = SECRET_SCHEMA_NONE;
        built.attributes[0] = {"application", SECRET_SCHEMA_ATTRIBUTE_STRING};
        built.attributes[1] = {"name", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return built;
    }();
    return &schema;
}

struct GObjectUnref {
    void operator()(gpointer object) const { libsecret().g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct ErrorFree {
    void operator()(GError* error) const { libsecret().g_error_free(error); }
};
using ErrorPtr = std::unique_ptr<GError, ErrorFree>;

struct HashTableUnref {
    void operator()(GHashTable* table) const { libsecret().g_hash_table_unref(table); }
};
// `application` is the host's app id: two apps never see each other's key.
std::unique_ptr<GHashTable, HashTableUnref> item_attributes(const std::string& application) {
    return std::unique_ptr<GHashTable, HashTableUnref>(libsecret().secret_attributes_build(
        api_key_schema(), "application", application.c_str(), "name", "OPENAI_API_KEY", nullptr));
}

struct ItemList {
    GList* items = nullptr;
    ~ItemList() { libsecret().g_list_free_full(items, libsecret().g_object_unref); }
};

// What one keyring operation found out; turned into SecretRead / StorageStatus by the store.
struct Outcome {
    SecretReadState state = SecretReadState::failed;
    std::string value;
    std::string message;
};

Outcome unavailable(std::string message) {
    return {SecretReadState::unavailable, {}, std::move(message)};
}

// GLib would otherwise "autolaunch" a brand-new bus through dbus-launch when an X display is set: a
// bus nobody else uses, with an empty keyring that can only be set up through a prompt. Saying plainly
// that there is no session bus is more useful.
std::optional<std::string> missing_session_bus() {
    if (const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
        address != nullptr && *address != '\0') {
        return std::nullopt;
    }
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime != nullptr && *runtime != '\0') {
        struct stat st {};
        const std::string socket = std::string(runtime) + "/bus";
        if (::stat(socket.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) {
            return std::nullopt;
        }
    }
    return keyring_messages::no_session_bus("DBUS_SESSION_BUS_ADDRESS is not set");
}

// Connects to the Secret Service (libsecret keeps one per process). Errors here are about the bus.
Outcome connect(SecretServiceFlags flags, GCancellable* cancellable, GObjectPtr<SecretService>& service) {
    if (auto missing = missing_session_bus()) {
        return unavailable(*missing);
    }
    GError* error = nullptr;
    // libsecret uses GLib's shared session connection, which by default raises SIGTERM in the whole
    // process when the bus goes away. A lost keyring must not take the app down with it.
    GDBusConnection* bus = libsecret().g_bus_get_sync(G_BUS_TYPE_SESSION, cancellable, &error);
    if (bus == nullptr) {
        return unavailable(
            keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::connecting));
    }
    libsecret().g_dbus_connection_set_exit_on_close(bus, FALSE);
    libsecret().g_object_unref(bus);
    service.reset(libsecret().secret_service_get_sync(flags, cancellable, &error));
    if (!service) {
        return unavailable(
            keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::connecting));
    }
    return {SecretReadState::found, {}, {}};
}

// Whether a key can be saved now: the default collection exists and is unlocked. Checked before every
// store, because storing into a locked or missing collection makes the provider open a password prompt:
// a window that may never appear (no display) or that nobody is there to answer.
Outcome check_default_collection(SecretService* service, GCancellable* cancellable) {
    GError* error = nullptr;
    GObjectPtr<SecretCollection> collection(libsecret().secret_collection_for_alias_sync(
        service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, cancellable, &error));
    if (error != nullptr) {
        return unavailable(
            keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::calling));
    }
    if (!collection) {
        return unavailable(keyring_messages::no_default_collection());
    }
    if (libsecret().secret_collection_get_locked(collection.get())) {
        return unavailable(keyring_messages::locked());
    }
    return {SecretReadState::found, {}, {}};
}

Outcome probe(GCancellable* cancellable) {
    GObjectPtr<SecretService> service;
    if (auto connected = connect(SECRET_SERVICE_NONE, cancellable, service); !service) {
        return connected;
    }
    return check_default_collection(service.get(), cancellable);
}

// Connects and lists every item of `application`, locked ones too (no SECRET_SEARCH_UNLOCK: unlocking
// means a prompt, and listing locked items keeps "locked" and "not found" apart). `load_secrets`: whether
// the secrets are read too (a session with the service for them). On failure, the outcome to return instead.
std::optional<Outcome> find_items(const std::string& application, bool load_secrets,
                                  GCancellable* cancellable, ItemList& found) {
    GObjectPtr<SecretService> service;
    if (auto connected =
            connect(load_secrets ? SECRET_SERVICE_OPEN_SESSION : SECRET_SERVICE_NONE, cancellable, service);
        !service) {
        return connected;
    }
    GError* error = nullptr;
    const auto flags =
        static_cast<SecretSearchFlags>(SECRET_SEARCH_ALL | (load_secrets ? SECRET_SEARCH_LOAD_SECRETS : 0));
    found.items = libsecret().secret_service_search_sync(
        service.get(), api_key_schema(), item_attributes(application).get(), flags, cancellable, &error);
    if (error != nullptr) {
        return unavailable(
            keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::calling));
    }
    return std::nullopt;
}

Outcome read_secret(const std::string& application, GCancellable* cancellable) {
    ItemList found;
    if (auto failed = find_items(application, true, cancellable, found)) {
        return std::move(*failed);
    }
    bool saw_locked = false;
    for (GList* node = found.items; node != nullptr; node = node->next) {
        auto* item = static_cast<SecretItem*>(node->data);
        if (libsecret().secret_item_get_locked(item)) {
            saw_locked = true;
            continue;
        }
        SecretValue* value = libsecret().secret_item_get_secret(item);
        if (value != nullptr) {
            gsize length = 0;
            const gchar* bytes = libsecret().secret_value_get(value, &length);
            std::string key(bytes, length);
            libsecret().secret_value_unref(value);
            if (!key.empty()) {
                return {SecretReadState::found, std::move(key), {}};
            }
        }
    }
    if (saw_locked) {
        return unavailable(keyring_messages::locked());
    }
    return {SecretReadState::not_found, {}, keyring_messages::not_found()};
}

Outcome store_secret(const std::string& application, const std::string& label, const std::string& key,
                     GCancellable* cancellable) {
    GObjectPtr<SecretService> service;
    if (auto connected = connect(SECRET_SERVICE_OPEN_SESSION, cancellable, service); !service) {
        return connected;
    }
    if (auto usable = check_default_collection(service.get(), cancellable);
        usable.state != SecretReadState::found) {
        return usable;
    }
    SecretValue* value =
        libsecret().secret_value_new(key.data(), static_cast<gssize>(key.size()), "text/plain");
    GError* error = nullptr;
    // Replaces an existing item with the same attributes in that collection.
    const gboolean stored = libsecret().secret_service_store_sync(
        service.get(), api_key_schema(), item_attributes(application).get(), SECRET_COLLECTION_DEFAULT,
        label.c_str(), value, cancellable, &error);
    libsecret().secret_value_unref(value);
    if (!stored) {
        return {SecretReadState::failed,
                {},
                keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::calling)};
    }
    return {SecretReadState::found, {}, keyring_messages::saved()};
}

Outcome erase_secret(const std::string& application, GCancellable* cancellable) {
    ItemList found;
    if (auto failed = find_items(application, false, cancellable, found)) {
        return std::move(*failed);
    }
    GError* error = nullptr;
    if (found.items == nullptr) {
        return {SecretReadState::not_found, {}, keyring_messages::nothing_to_remove()};
    }
    for (GList* node = found.items; node != nullptr; node = node->next) {
        if (libsecret().secret_item_get_locked(static_cast<SecretItem*>(node->data))) {
            return unavailable(keyring_messages::locked());  // deleting it would need a prompt
        }
    }
    for (GList* node = found.items; node != nullptr; node = node->next) {
        if (!libsecret().secret_item_delete_sync(static_cast<SecretItem*>(node->data), cancellable, &error)) {
            return {SecretReadState::failed,
                    {},
                    keyring_messages::explain(ErrorPtr(error).get(), keyring_messages::Stage::calling)};
        }
    }
    return {SecretReadState::found, {}, keyring_messages::removed()};
}

class KeyringStore final : public SecretStore {
  public:
    KeyringStore(std::string application, std::string label, std::chrono::milliseconds timeout)
        : application_(std::move(application)), label_(std::move(label)), timeout_(timeout) {}

    SecretBackend backend() const override { return SecretBackend::keyring; }
    std::string location() const override { return keyring_messages::location(); }

    std::optional<std::string> unavailable_reason() override {
        auto outcome = bounded(probe);
        if (outcome.state == SecretReadState::found) {
            return std::nullopt;
        }
        return outcome.message;
    }

    SecretRead read() override {
        auto outcome = bounded([application = application_](GCancellable* cancellable) {
            return read_secret(application, cancellable);
        });
        return {outcome.state, std::move(outcome.value), std::move(outcome.message)};
    }

    StorageStatus write(std::string_view key) override {
        for (const char c : key) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                return StorageStatus::failure("The key contains control characters; nothing was saved");
            }
        }
        if (key.empty()) {
            return StorageStatus::failure("The key is empty; nothing was saved");
        }
        const std::string copy(key);
        auto outcome = bounded([application = application_, label = label_, copy](GCancellable* cancellable) {
            return store_secret(application, label, copy, cancellable);
        });
        return outcome.state == SecretReadState::found ? StorageStatus::success(std::move(outcome.message))
                                                       : StorageStatus::failure(std::move(outcome.message));
    }

    StorageStatus erase() override {
        auto outcome = bounded([application = application_](GCancellable* cancellable) {
            return erase_secret(application, cancellable);
        });
        const bool ok =
            outcome.state == SecretReadState::found || outcome.state == SecretReadState::not_found;
        return ok ? StorageStatus::success(std::move(outcome.message))
                  : StorageStatus::failure(std::move(outcome.message));
    }

  private:
    Outcome bounded(std::function<Outcome(GCancellable*)> work) {
        if (const auto& loaded = load_libsecret(); loaded.api == nullptr) {
            return unavailable(loaded.problem);
        }
        auto outcome = run_bounded<Outcome>(libsecret(), timeout_, std::move(work));
        return outcome ? std::move(*outcome) : unavailable(keyring_messages::no_answer(timeout_));
    }

    std::string application_;
    std::string label_;
    std::chrono::milliseconds timeout_;
};

}  // namespace

std::unique_ptr<SecretStore> make_keyring_store(std::string application, std::chrono::milliseconds timeout,
                                                const std::string& app_name) {
    // What Seahorse and other keyring managers show: the app that owns the key, in its own name.
    return std::make_unique<KeyringStore>(std::move(application), app_name + ": OpenAI API key", timeout);
}

}  // namespace keywizard::settings
