#include "wizard/app/app_locale.h"

#include <wx/uilocale.h>

#include <clocale>
#include <cstring>

#include <langinfo.h>

namespace keywizard::ui {

void UseUserLocaleWithUtf8() {
    wxUILocale::UseDefault();
    const char* codeset = nl_langinfo(CODESET);
    if (codeset != nullptr && std::strcmp(codeset, "UTF-8") == 0) {
        return;
    }
    for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
        if (std::setlocale(LC_CTYPE, name) != nullptr) {
            return;
        }
    }
}

}  // namespace keywizard::ui
