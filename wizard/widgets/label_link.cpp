#include "wizard/widgets/label_link.h"

#include <wx/stattext.h>

#include "wizard/widgets/loaded_function.h"

namespace keywizard::ui {

void link_label(wxStaticText* label, wxWindow* target) {
    using SetMnemonicWidget = void (*)(void* label, void* widget);
    static const auto set_mnemonic_widget =
        loaded_function<SetMnemonicWidget>("libgtk-3.so.0", "gtk_label_set_mnemonic_widget");
    if (set_mnemonic_widget != nullptr && label != nullptr && target != nullptr) {
        set_mnemonic_widget(label->GetHandle(), target->GetHandle());
    }
}

void* linked_widget_of(wxStaticText* label) {
    using GetMnemonicWidget = void* (*)(void* label);
    static const auto get_mnemonic_widget =
        loaded_function<GetMnemonicWidget>("libgtk-3.so.0", "gtk_label_get_mnemonic_widget");
    return get_mnemonic_widget != nullptr && label != nullptr ? get_mnemonic_widget(label->GetHandle())
                                                              : nullptr;
}

}  // namespace keywizard::ui
