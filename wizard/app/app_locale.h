#pragma once

#include <string>

namespace keywizard::ui {

// wxGTK leaves the C library in the "C" locale until the app sets one, and then wxString turns every
// non-ASCII literal ("Configuration Editor…") into an empty string. Sets the person's locale, and a UTF-8
// character type even where LANG is unset (CI machines): our sources and GTK are UTF-8 throughout.
void UseUserLocaleWithUtf8();

// Only the second half of that, for libkeywizard-wx's windows in a host: when the C library's character
// type is not UTF-8 (the host set no locale, or LANG is unset), LC_CTYPE becomes C.UTF-8, so keywizard's
// words keep their "…" and "→" (and the host's labels made afterwards theirs). A UTF-8 locale the host or
// the person chose is never changed, nor any other category (numbers, dates, messages).
void UseUtf8CharacterType();

// Makes keywizard's words (gettext domain "keywizard", <locale_dir>/<lang>/LC_MESSAGES/keywizard.mo) and
// wx's own ("wxstd": the wizard's Back/Next buttons) available to _(). A host that set up translations of its
// own (wxTranslations::Get()) keeps them, language included: the catalog is added to them. Otherwise new
// translations follow the person's LANGUAGE, LC_ALL, LC_MESSAGES and LANG; English where no catalog fits.
// Safe to call again: a catalog already loaded is not loaded twice.
void UseKeywizardTranslations(const std::string& locale_dir);

// share/locale of the install the running program belongs to: next to its bin folder (the keywizard
// command and its windows' module, in an install and in the build tree alike).
std::string LocaleDirOfExecutable();

// share/locale of the install libkeywizard-wx belongs to (the library a host links), found from the
// library's own file: a host in /opt/app finds /opt/app/share/locale, whatever its own executable is.
std::string LocaleDirOfLibrary();

}  // namespace keywizard::ui
