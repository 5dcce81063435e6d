#pragma once

#include <string>
#include <vector>

#include "core/rules.h"

// The command line's words for a person, from the same gettext catalog ("keywizard") as the windows. Only
// human lines go through here: `reason` codes, JSON keys and JSON values stay as they are, so --json output
// is the same in every language. xgettext finds these calls by name (po/CMakeLists.txt: --keyword=tr,
// --keyword=tr_plural:1,2).
namespace keywizard::cli {

// The catalog's text for `english` (UTF-8), or `english` itself when there is none.
const char* tr(const char* english);

// The plural form for `count` ("%lu model" / "%lu models"), chosen by the language's own rule.
const char* tr_plural(const char* english_one, const char* english_many, unsigned long count);

// printf into a std::string: translated format strings keep their placeholders (msgfmt --check says so),
// and a language may reorder them with %1$s.
std::string format(const char* format, ...) __attribute__((format(printf, 1, 2)));

// "a, b, c", each item made safe to print (it may come from settings.json or the environment).
std::string joined(const std::vector<std::string>& items);

// The same catalog for the messages net/ writes (core::person_message).
const net::Wording& cli_wording();

// A message settings/, core/ or net/ wrote in English (a storage status, a keyring problem) in the person's
// language (core::in_person_words); for human lines only.
std::string person_words(const std::string& english);

// Binds the catalog before the first line is printed: the person's LANGUAGE, LC_ALL, LC_MESSAGES, LANG
// pick the language (English when none has a catalog), found under share/locale next to the executable's
// bin folder (the build tree is laid out the same way).
void use_translations();

}  // namespace keywizard::cli
