// The entry points of keywizard-gui.so. Everything else in the module is hidden (--exclude-libs), so the
// dynamic loader has only these two names to resolve and the module's copies of net/ and settings/ never
// collide with the executable's.
#include "wizard/gui_module/gui_module_abi.h"

#include "core/rules.h"
#include "wizard/app/gui_main.h"

extern "C" {

const char keywizard_gui_module_version[] = KEYWIZARD_VERSION;

int keywizard_gui_module_run(int argc, char** argv, int start) {
    // The module has its own copy of net/: its once-flag is separate from the executable's. No thread
    // exists yet; libcurl, loaded later by either copy, counts nested curl_global_init calls.
    keywizard::core::init_http_globally();
    return keywizard::ui::run_gui(argc, argv,
                                  start == keywizard::gui_module::start_wizard
                                      ? keywizard::ui::GuiStart::wizard
                                      : keywizard::ui::GuiStart::host_app);
}
}
