#include "net/libcurl_api.h"

namespace keywizard::net {
namespace {

constexpr const char* library_name = "libcurl.so.4";  // Debian package libcurl4

LibcurlLoad load() {
    // RTLD_LAZY, as when linked: libcurl and its 25 libraries bind only the functions a request calls.
    void* library = dlopen(library_name, RTLD_LAZY | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = dlerror();
        return {nullptr, std::string("keywizard could not load libcurl, which it sends requests with (") +
                             (why ? why : library_name) + "): install libcurl4 to check a key"};
    }
    static LibcurlApi api;
    std::string missing;
#define KEYWIZARD_LIBCURL_RESOLVE(name) resolve(library, #name, api.name, missing);
    KEYWIZARD_LIBCURL_FUNCTIONS(KEYWIZARD_LIBCURL_RESOLVE)
#undef KEYWIZARD_LIBCURL_RESOLVE
    if (!missing.empty()) {
        return {nullptr, too_old(library_name, missing)};
    }
    // A failure here leaves libcurl to retry in curl_easy_init, which then fails the request cleanly. libcurl
    // reads SSLKEYLOGFILE here: init_http_globally() has taken it out of the environment before.
    (void)api.curl_global_init(CURL_GLOBAL_DEFAULT);
    return {&api, {}};
}

}  // namespace

const LibcurlLoad& load_libcurl() {
    static const LibcurlLoad loaded = load();  // C++11 static initialisation is thread-safe
    return loaded;
}

}  // namespace keywizard::net
