#include "wizard/widgets/accessible.h"

#include <wx/window.h>

#include "wizard/widgets/loaded_function.h"

namespace keywizard::ui {
namespace {

// The widget's ATK object (GTK makes it on first request and keeps it for the widget's life).
void* accessible_of(wxWindow* window) {
    using GetAccessible = void* (*)(void* widget);
    static const auto get_accessible =
        loaded_function<GetAccessible>("libgtk-3.so.0", "gtk_widget_get_accessible");
    return get_accessible != nullptr && window != nullptr && window->GetHandle() != nullptr
               ? get_accessible(window->GetHandle())
               : nullptr;
}

}  // namespace

void set_accessible_name(wxWindow* window, const wxString& name) {
    using SetName = void (*)(void* accessible, const char* name);
    static const auto set_name = loaded_function<SetName>("libatk-1.0.so.0", "atk_object_set_name");
    if (void* accessible = accessible_of(window); accessible != nullptr && set_name != nullptr) {
        set_name(accessible, name.utf8_str());
    }
}

void set_accessible_description(wxWindow* window, const wxString& description) {
    using SetDescription = void (*)(void* accessible, const char* description);
    static const auto set_description =
        loaded_function<SetDescription>("libatk-1.0.so.0", "atk_object_set_description");
    if (void* accessible = accessible_of(window); accessible != nullptr && set_description != nullptr) {
        set_description(accessible, description.utf8_str());
    }
}

void set_accessible_role(wxWindow* window, const char* role_name) {
    using RoleForName = int (*)(const char* name);
    using SetRole = void (*)(void* accessible, int role);
    static const auto role_for_name = loaded_function<RoleForName>("libatk-1.0.so.0", "atk_role_for_name");
    static const auto set_role = loaded_function<SetRole>("libatk-1.0.so.0", "atk_object_set_role");
    void* accessible = accessible_of(window);
    if (accessible == nullptr || role_for_name == nullptr || set_role == nullptr) {
        return;
    }
    if (const int role = role_for_name(role_name); role != 0) {  // 0: ATK_ROLE_INVALID, an unknown name
        set_role(accessible, role);
    }
}

}  // namespace keywizard::ui
