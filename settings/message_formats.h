#pragma once

#include <span>
#include <string_view>

// The messages settings/ writes for a person that have fill-ins, as format strings with {name} placeholders
// (net/phrase.h fills them in), each a constant named in settings/message_formats.def. The windows and the
// command line translate them where they show them (core::in_person_words). The stored text stays English.
namespace keywizard::settings::formats {

#define KEYWIZARD_FORMAT(name, text) inline constexpr std::string_view name = text;
#include "settings/message_formats.def"
#undef KEYWIZARD_FORMAT

// Every format of the .def, longest first where one could also match the other's text.
std::span<const std::string_view> all();

}  // namespace keywizard::settings::formats
