#pragma once

#include <dlfcn.h>

namespace keywizard::ui {

// A function of a library wx has already loaded (GTK, GObject, ATK), looked up rather than linked: the
// widgets need no GTK headers (wx's own do not expose GtkLabel, ATK or CSS providers). Null when the
// library is not loaded or lacks the function; callers do nothing then.
template <class Function>
Function loaded_function(const char* library, const char* name) {
    void* handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    return handle != nullptr ? reinterpret_cast<Function>(dlsym(handle, name)) : nullptr;
}

}  // namespace keywizard::ui
