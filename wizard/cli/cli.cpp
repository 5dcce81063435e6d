#include "wizard/cli/cli.h"
namespace keywizard::cli {
bool is_cli_command(std::string_view word) {
    return word == "check" || word == "set" || word == "show" || word == "forget";
}
int run_cli(int, char**) { return 64; }
}  // namespace keywizard::cli
