#include "settings/libsecret_api.h"

namespace keywizard::settings {
namespace {

constexpr const char* library_name = "libsecret-1.so.0";  // Debian package libsecret-1-0

LibsecretLoad load() {
    // RTLD_GLOBAL: one GLib type system for the whole process, shared with GTK when the windows run.
    void* library = dlopen(library_name, RTLD_NOW | RTLD_GLOBAL);
    if (library == nullptr) {
        const char* why = dlerror();
        return {nullptr, std::string("The keyring library could not be loaded (") +
                             (why ? why : library_name) +
                             "): install libsecret-1-0 to use the desktop keyring"};
    }
    static LibsecretApi api;
    std::string missing;
    // RTLD_DEFAULT rather than the library's handle: a program may define (and wrap) these functions
    // itself, as a test that slows the keyring down does; otherwise they come from libsecret and GLib.
#define KEYWIZARD_LIBSECRET_RESOLVE(name) net::resolve(RTLD_DEFAULT, #name, api.name, missing);
    KEYWIZARD_LIBSECRET_FUNCTIONS(KEYWIZARD_LIBSECRET_RESOLVE)
#undef KEYWIZARD_LIBSECRET_RESOLVE
    if (!missing.empty()) {
        return {nullptr, net::too_old(library_name, missing)};
    }
    return {&api, {}};
}

}  // namespace

const LibsecretLoad& load_libsecret() {
    static const LibsecretLoad loaded = load();  // C++11 static initialisation is thread-safe
    return loaded;
}

}  // namespace keywizard::settings
