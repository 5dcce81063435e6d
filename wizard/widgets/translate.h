#pragma once

#include <wx/intl.h>
#include <wx/string.h>

#include "core/person_words.h"
#include "core/rules.h"

namespace keywizard::ui {

// _("…") converts its narrow literal with the C library's locale, which turns non-ASCII text (an
// ellipsis, an arrow) into nothing under LANG=C. Literals with such characters go through this instead;
// it is still a catalog lookup (xgettext --keyword=tr_utf8).
inline wxString tr_utf8(const char* utf8) {
    return wxGetTranslation(wxString::FromUTF8(utf8));
}

// wx's translations for the messages net/ writes (core::person_message).
inline const net::Wording& wx_wording() {
    static const net::Wording wording{
        [](std::string_view english) {
            return wxGetTranslation(wxString::FromUTF8(english.data(), english.size())).utf8_string();
        },
        [](std::string_view one, std::string_view many, unsigned long n) {
            return wxGetTranslation(wxString::FromUTF8(one.data(), one.size()),
                                    wxString::FromUTF8(many.data(), many.size()), static_cast<unsigned>(n))
                .utf8_string();
        },
    };
    return wording;
}

// A message settings/, core/ or net/ wrote in English (a storage status, a keyring problem), in the
// person's language (core::in_person_words).
inline wxString person_words(const std::string& english) {
    return wxString::FromUTF8(core::in_person_words(english, wx_wording()));
}

}  // namespace keywizard::ui
