#pragma once
// What net/libcurl_api.h and settings/libsecret_api.h share: a library loaded with dlopen when it is first
// needed, its functions resolved by name into a struct of pointers typed from the library's own header.
#include <dlfcn.h>

#include <string>

namespace keywizard::net {

// One member of such a struct, for the X-macro that lists the functions: `name`'s pointer, typed from its
// declaration.
#define KEYWIZARD_RUN_TIME_FUNCTION(name) decltype(&::name) name = nullptr;

// The loaded functions, or why there are none (for a person: what to install).
template <typename Functions>
struct RunTimeLibrary {
    const Functions* api = nullptr;
    std::string problem;
};

// `slot` = `name` from `handle` (a dlopen handle, or RTLD_DEFAULT); a missing one is added to `missing`.
template <typename Pointer>
void resolve(void* handle, const char* name, Pointer& slot, std::string& missing) {
    slot = reinterpret_cast<Pointer>(dlsym(handle, name));
    if (slot == nullptr) {
        missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
}

inline std::string too_old(const char* library_name, const std::string& missing) {
    return std::string("The installed ") + library_name + " is too old for keywizard (missing " + missing +
           ")";
}

}  // namespace keywizard::net
