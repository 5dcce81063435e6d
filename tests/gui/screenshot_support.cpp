#include "tests/gui/screenshot_support.h"

#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "net/http_client.h"
#include "tests/support/scoped_environment.h"
#include "tests/support/temp_dir.h"

namespace keywizard::test {
namespace {

using namespace std::chrono_literals;

// For the messages of run_command; set once by run_screenshot_tool.
std::string tool_name = "screenshots";

// Runs the tool's pictures from inside the event loop (windows need a running loop to lay out and paint),
// then ends the loop with their result.
class ScreenshotApp : public wxApp {
  public:
    explicit ScreenshotApp(const ScreenshotTool& tool) : tool_(tool) {}

    bool OnInit() override {
        if (argc != 2) {
            std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", tool_.name.c_str());
            return false;
        }
        if (tool_.on_init) {
            tool_.on_init();
        }
        wxInitAllImageHandlers();
        const std::filesystem::path out = argv[1].utf8_string();
        CallAfter([this, out] {
            exit_code_ = tool_.shoot(out);
            ExitMainLoop();
        });
        return true;
    }
    int OnRun() override {
        wxApp::OnRun();
        return exit_code_;
    }

  private:
    const ScreenshotTool& tool_;
    int exit_code_ = 1;
};

}  // namespace

int run_screenshot_tool(int argc, char** argv, const ScreenshotTool& tool) {
    tool_name = tool.name;
    net::init_http_globally();
    // A throwaway config directory and no key from the caller's environment in the pictures.
    const TempDir scratch(tool.name);
    const ScopedEnvironment environment{{"XDG_CONFIG_HOME", scratch.path().string()},
                                        {"OPENAI_API_KEY", std::nullopt},
                                        {"OPENAI_BASE_URL", std::nullopt},
                                        {"OPENAI_ORG_ID", std::nullopt},
                                        {"OPENAI_PROJECT_ID", std::nullopt},
                                        {"SSL_CERT_FILE", std::nullopt}};
    wxApp::SetInstance(new ScreenshotApp(tool));
    return wxEntry(argc, argv);
}

bool run_command(const std::string& command) {
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "%s: failed: %s\n", tool_name.c_str(), command.c_str());
        return false;
    }
    return true;
}

bool pump_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxTheApp->ProcessIdle();
        if (condition()) {
            return true;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(10ms);
    }
}

void settle(std::chrono::milliseconds duration) {
    pump_until([] { return false; }, duration);
}

bool save_rect(const wxWindow* window, wxRect logical, const std::filesystem::path& file) {
    // Logical pixels to the X server's physical ones (GDK_SCALE=2 renders everything twice as large).
    const double scale = window->GetContentScaleFactor();
    const wxRect rect(wxPoint(int(logical.x * scale), int(logical.y * scale)),
                      wxSize(int(logical.width * scale), int(logical.height * scale)));
    if (!run_command("import -window root -crop " + std::to_string(rect.width) + "x" +
                     std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                     std::to_string(rect.y) + " +repage '" + file.string() + "'")) {
        return false;
    }
    std::printf("%s\n", file.c_str());
    return true;
}

bool save_window(wxWindow* window, const std::filesystem::path& file, std::chrono::milliseconds settle_time) {
    window->Raise();
    window->Refresh();
    window->Update();
    settle(settle_time);
    return save_rect(window, window->GetScreenRect(), file);
}

Reply screenshot_models_reply() {
    return Reply::json(
        200,
        R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
        R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]})",
        {{"x-request-id", "req_2b9e61c4a7d84f0e8c3b5a6d7e8f9a10"},
         {"openai-organization", "user-kwtest"},
         {"openai-project", "proj_kwtest"}});
}

}  // namespace keywizard::test
