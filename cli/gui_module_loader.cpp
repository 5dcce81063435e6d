#include "cli/gui_module_loader.h"

#include <dlfcn.h>

#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace keywizard::gui_module {
namespace {

constexpr const char* module_file_name = "keywizard-gui.so";

std::vector<std::filesystem::path> candidate_paths() {
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        return {};
    }
    const std::filesystem::path folder = executable.parent_path();
    // KEYWIZARD_GUI_MODULE_FROM_BINDIR: the install's library folder relative to its bin folder.
    return {folder / module_file_name,
            (folder / KEYWIZARD_GUI_MODULE_FROM_BINDIR / module_file_name).lexically_normal()};
}

std::string loader_message() {
    const char* message = dlerror();
    return message != nullptr ? message : "unknown error";
}

}  // namespace

LoadedModule load_gui_module() {
    const auto candidates = candidate_paths();
    if (candidates.empty()) {
        return {nullptr, "cannot find the keywizard executable's folder (/proc/self/exe)"};
    }
    std::error_code error;
    for (const auto& path : candidates) {
        if (!std::filesystem::exists(path, error)) {
            continue;
        }
        // Lazy binding: the GUI starts sooner, and a missing library still fails here, not later.
        void* module = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
        if (module == nullptr) {
            return {nullptr, loader_message()};
        }
        const auto* version = static_cast<const char*>(dlsym(module, version_symbol));
        if (version == nullptr || std::strcmp(version, KEYWIZARD_VERSION) != 0) {
            const std::string found = version != nullptr ? version : "none";
            dlclose(module);
            return {nullptr, path.string() + " is version " + found + ", this keywizard is " +
                                 KEYWIZARD_VERSION + ": reinstall keywizard"};
        }
        auto run = reinterpret_cast<RunFunction>(dlsym(module, run_symbol));
        if (run == nullptr) {
            return {nullptr, path.string() + ": " + loader_message()};
        }
        return {run, {}};  // never closed: the windows run until the process ends
    }
    return {nullptr, std::string(module_file_name) + " is not installed next to keywizard (looked in " +
                         candidates.front().parent_path().string() + " and " +
                         candidates.back().parent_path().string() + ")"};
}

}  // namespace keywizard::gui_module
