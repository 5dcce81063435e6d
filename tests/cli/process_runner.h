#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace keywizard::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;      // the signal that killed it, else 0
    std::string out;
    std::string err;
};

struct ProcessSpec {
    std::vector<std::string> args;  // without the program
    std::string stdin_text;
    // The child's whole environment: nothing of the test runner's leaks in except what is named here.
    std::map<std::string, std::string> environment;
    // A program (with its arguments) that starts keywizard: the keywizard path and `args` follow it.
    std::vector<std::string> launcher;
    // Runs this executable instead of $KEYWIZARD_BINARY (e.g. a copy of it somewhere else).
    std::string binary;
};

// Runs the built keywizard binary (path from $KEYWIZARD_BINARY, set by CTest) and waits for it.
ProcessResult run_keywizard(const ProcessSpec& spec);

// The keywizard under test, from $KEYWIZARD_BINARY.
std::string keywizard_binary();

}  // namespace keywizard::test
