#pragma once

#include <wx/intl.h>
#include <wx/string.h>

namespace keywizard::ui {

// _("…") converts its narrow literal with the C library's locale, which turns non-ASCII text (an
// ellipsis, an arrow) into nothing under LANG=C. Literals with such characters go through this instead;
// it is still a catalog lookup (xgettext --keyword=tr_utf8).
inline wxString tr_utf8(const char* utf8) {
    return wxGetTranslation(wxString::FromUTF8(utf8));
}

}  // namespace keywizard::ui
