#include <cstdio>

#include "settings/app_settings.h"
#include "wizard/cli/commands.h"

namespace keywizard::cli {

settings::AppSettings load_settings_reporting_problems() {
    const settings::SettingsFile file(settings::default_config_directory());
    settings::SettingsLoad load = file.load();
    for (const std::string& warning : load.warnings) {
        std::fprintf(stderr, "keywizard: %s\n", warning.c_str());
    }
    return std::move(load.settings);
}

}  // namespace keywizard::cli
