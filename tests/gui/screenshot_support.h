#pragma once

// What the docs/screenshots tools (tests/gui/app/app_screenshots, tests/gui/wizard/wizard_screenshots)
// share: the process around the pictures (a throwaway config directory, no key from the caller's
// environment, a wxApp that runs the tool's pictures once its loop is up), the event pumping, saving a
// window's pixels to a PNG, and the stand-in's list of models. Not a Boost test harness: these are tools.
//
// In the tool's main file:
//   int main(int argc, char** argv) {
//       return keywizard::test::run_screenshot_tool(argc, argv, {.name = "x_screenshots", .shoot = shoot});
//   }

#include <wx/gdicmn.h>
#include <wx/string.h>
#include <wx/window.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "tests/support/loopback_server.h"

namespace keywizard::test {

struct ScreenshotTool {
    std::string name;  // in the usage line, the error messages and the scratch directory's name
    std::function<void()> on_init = {};  // optional: runs in wxApp::OnInit, before the image handlers
    std::function<int(const std::filesystem::path& out)> shoot;  // takes the pictures; 0 when all were saved
};

// main() of a screenshot tool: `tool.name OUTPUT_DIR`. Initialises libcurl, points XDG_CONFIG_HOME at a
// throwaway directory, clears OPENAI_* and SSL_CERT_FILE, then runs a wxApp whose loop calls `tool.shoot`
// and ends with its result. Returns the process's exit code.
int run_screenshot_tool(int argc, char** argv, const ScreenshotTool& tool);

// Runs `command` through the shell; on failure says so on stderr (with the tool's name) and returns false.
bool run_command(const std::string& command);

// Pumps events until `condition` is true or `timeout` passes; false on timeout.
bool pump_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout);
// Pumps for `duration` so layout, paint and the activity indicators settle (no condition to wait for).
void settle(std::chrono::milliseconds duration);

template <class T>
T* named(wxWindow* root, const wxString& name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, root));
}

// Grabs `logical` (screen rectangle in the window's logical pixels) from the X server into `file` and
// prints the file's path. ImageMagick's import reads the screen: Xvfb has no compositor, so what is there
// is what the windows drew, menus included (they are windows of their own). wxScreenDC cannot be used: on
// GTK 3 it keeps returning the first frame it read.
bool save_rect(const wxWindow* window, wxRect logical, const std::filesystem::path& file);
// Raises and repaints `window`, lets it settle for `settle_time`, then saves its screen rectangle.
bool save_window(wxWindow* window, const std::filesystem::path& file, std::chrono::milliseconds settle_time);

// The stand-in's answer to GET /models for a valid key: two models, with the request id, organization and
// project headers the pictures show.
Reply screenshot_models_reply();

}  // namespace keywizard::test
