#include <cstdio>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "core/key_setup.h"

namespace keywizard::cli {

settings::AppSettings load_settings_reporting_problems(const CliOptions& options) {
    settings::SettingsLoad load = core::load_settings(core_options(options));
    for (const std::string& warning : load.warnings) {
        std::fprintf(stderr, "keywizard: %s\n", person_words(warning).c_str());
    }
    return std::move(load.settings);
}

}  // namespace keywizard::cli
