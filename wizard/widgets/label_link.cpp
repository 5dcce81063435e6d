#include "wizard/widgets/label_link.h"

#include <dlfcn.h>
#include <wx/stattext.h>

namespace keywizard::ui {
namespace {

// GTK is loaded with wx; its functions are looked up rather than linked, so this file needs no GTK
// headers (wx's own do not expose GtkLabel).
template <class Function>
Function gtk_function(const char* name) {
    static void* gtk = dlopen("libgtk-3.so.0", RTLD_LAZY | RTLD_NOLOAD);
    return gtk != nullptr ? reinterpret_cast<Function>(dlsym(gtk, name)) : nullptr;
}

}  // namespace

void link_label(wxStaticText* label, wxWindow* target) {
    using SetMnemonicWidget = void (*)(void* label, void* widget);
    static const auto set_mnemonic_widget = gtk_function<SetMnemonicWidget>("gtk_label_set_mnemonic_widget");
    if (set_mnemonic_widget != nullptr && label != nullptr && target != nullptr) {
        set_mnemonic_widget(label->GetHandle(), target->GetHandle());
    }
}

void* linked_widget_of(wxStaticText* label) {
    using GetMnemonicWidget = void* (*)(void* label);
    static const auto get_mnemonic_widget = gtk_function<GetMnemonicWidget>("gtk_label_get_mnemonic_widget");
    return get_mnemonic_widget != nullptr && label != nullptr ? get_mnemonic_widget(label->GetHandle())
                                                              : nullptr;
}

}  // namespace keywizard::ui
