#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace keywizard::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

struct ProcessSpec {
    std::vector<std::string> args;  // without the program
    std::string stdin_text;
    // The child's whole environment: nothing of the test runner's leaks in except what is named here.
    std::map<std::string, std::string> environment;
};

// Runs the built keywizard binary (path from $KEYWIZARD_BINARY, set by CTest) and waits for it.
ProcessResult run_keywizard(const ProcessSpec& spec);

}  // namespace keywizard::test
