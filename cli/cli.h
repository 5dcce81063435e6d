#pragma once

#include <string_view>

namespace keywizard::cli {

// True for check|set|show|forget|exec|import: those run without a display and never initialise GTK.
bool is_cli_command(std::string_view word);

// Runs one CLI command; returns the process exit code (DESIGN.md: 0, 2, 3, 4, 5, 64).
int run_cli(int argc, char** argv);

}  // namespace keywizard::cli
