#pragma once
// libcurl's functions, loaded with dlopen the first time a URL is read or a request is sent. keywizard is
// not linked against libcurl: the wizard's first page and the commands that send nothing (show, forget,
// --help) start without mapping and relocating libcurl and the 25 libraries it brings (TLS, HTTP/2, LDAP,
// Kerberos...; about 12 ms and 5 MiB: docs/benchmarks.md), and a machine without libcurl gets a clear
// message from a check instead of a program that cannot start.
//
// Only the header's types and constants are used directly (CURL_DISABLE_TYPECHECK: curl.h's type-checking
// macros would expand these members' names; CurlHandle's typed setters do that job).
#include <curl/curl.h>

#include "net/run_time_library.h"

namespace keywizard::net {

#define KEYWIZARD_LIBCURL_FUNCTIONS(X) \
    X(curl_easy_cleanup)               \
    X(curl_easy_getinfo)               \
    X(curl_easy_init)                  \
    X(curl_easy_perform)               \
    X(curl_easy_reset)                 \
    X(curl_easy_setopt)                \
    X(curl_easy_strerror)              \
    X(curl_free)                       \
    X(curl_multi_add_handle)           \
    X(curl_multi_cleanup)              \
    X(curl_multi_info_read)            \
    X(curl_multi_init)                 \
    X(curl_multi_perform)              \
    X(curl_multi_poll)                 \
    X(curl_multi_remove_handle)        \
    X(curl_multi_wakeup)               \
    X(curl_global_init)                \
    X(curl_slist_append)               \
    X(curl_slist_free_all)             \
    X(curl_url)                        \
    X(curl_url_cleanup)                \
    X(curl_url_get)                    \
    X(curl_url_set)

// One pointer per function, named like the function.
struct LibcurlApi {
    KEYWIZARD_LIBCURL_FUNCTIONS(KEYWIZARD_RUN_TIME_FUNCTION)
};
using LibcurlLoad = RunTimeLibrary<LibcurlApi>;

// Loads libcurl once per process (thread-safe) and initialises it (curl_global_init, thread-safe since
// libcurl 7.84); returns the same result every time after that.
const LibcurlLoad& load_libcurl();

// The loaded functions. Only for code that runs after load_libcurl() succeeded.
inline const LibcurlApi& libcurl() {
    return *load_libcurl().api;
}

}  // namespace keywizard::net
