#pragma once

#include <string>

namespace keywizard::cli {

struct KeyInput {
    std::string text;   // raw, as typed or piped: lint_key() normalises it
    std::string error;  // for a person; non-empty on failure
};

// Reads the key from standard input. From a terminal: prompts on stderr with echo off and stops at the
// end of the line. From a pipe: stops at the end of the first line that is not blank (a key is one line), or
// at the end of input; refuses more than a key could ever be.
KeyInput read_key_from_stdin();

}  // namespace keywizard::cli
