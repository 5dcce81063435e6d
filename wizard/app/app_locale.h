#pragma once

namespace keywizard::ui {

// wxGTK leaves the C library in the "C" locale until the app sets one, and then wxString turns every
// non-ASCII literal ("Configuration Editor…") into an empty string. Sets the person's locale, and a UTF-8
// character type even where LANG is unset (CI machines): our sources and GTK are UTF-8 throughout.
void UseUserLocaleWithUtf8();

}  // namespace keywizard::ui
