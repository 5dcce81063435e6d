#pragma once

#include <string>
#include <string_view>

#include "net/check_outcome.h"

namespace keywizard::core {

// A message net/, settings/ or core/ wrote in English (a storage status, a keyring problem, a check's
// explanation), in the wording's language where it is shown: each line is matched against the formats those
// layers write from (net/phrase.h), translated and filled in again; a line no format matches is looked up
// whole. The English text itself (stored, --json) is never changed.
std::string in_person_words(std::string_view english, const net::Wording& wording);

}  // namespace keywizard::core
