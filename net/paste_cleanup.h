#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keywizard::net {

// What is left of a paste once the wrapping people copy along with a key is gone.
struct CleanedPaste {
    std::string text;
    std::vector<std::string> notes;  // one per removal a person may want to know about
};

// Trims ASCII whitespace, one pair of matching quotes ("", '', “”, ‘’) and a leading "Bearer "
// (any case), in that order, trimming again after each. Never fails: what remains is for lint_key to judge.
CleanedPaste clean_pasted_key(std::string_view raw);

}  // namespace keywizard::net
