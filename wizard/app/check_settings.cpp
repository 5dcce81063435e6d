#include "wizard/app/check_settings.h"

#include <string>

#include "core/key_setup.h"

namespace keywizard::ui {

Options app_options(const std::filesystem::path& config_dir) {
    Options options;
    options.config_dir = config_dir;
    return options;
}

net::Endpoint endpoint_for(const settings::AppSettings& settings) {
    return core::to_net_endpoint(core::resolve_endpoint(Options{}, settings));
}

}  // namespace keywizard::ui
