// The wxApp of keywizard: main() (wizard/main.cpp) dispatches the CLI commands without touching GTK and
// only calls run_gui() for the windows, hence wxIMPLEMENT_APP_NO_MAIN and wxEntry.
#include "wizard/app/gui_main.h"

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/timer.h>
#include <wx/toplevel.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>
#include "keywizard/core.h"

#include "core/rules.h"
#include "wizard/app/app_icon.h"
#include "wizard/app/app_locale.h"
#include "wizard/app/app_options.h"
#include "wizard/app/check_settings.h"
#include "wizard/app/gdk_gl_probe.h"
#include "wizard/app/main_frame.h"
#include "wizard/pages/key_wizard.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
namespace {

// Whether X accepts a connection on DISPLAY. libX11 is already loaded with GTK; asked through dlsym so
// the module needs no X headers. True when it cannot tell (Wayland, no libX11): GTK then decides.
// The probe's connection stays open until the windows are gone: closing it before GTK connects would leave
// a display without clients for a moment, and an X server with no client left resets itself, failing the
// connection GTK opens next (seen with Xvfb).
class XDisplayProbe {
  public:
    XDisplayProbe() {
        const char* wayland = std::getenv("WAYLAND_DISPLAY");
        x11_ = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
        if ((wayland != nullptr && *wayland != '\0') || x11_ == nullptr) {
            return;
        }
        using OpenDisplay = void* (*)(const char*);
        auto open_display = reinterpret_cast<OpenDisplay>(dlsym(x11_, "XOpenDisplay"));
        if (open_display == nullptr) {
            return;
        }
        display_ = open_display(nullptr);
        refused_ = display_ == nullptr;
    }
    ~XDisplayProbe() {
        using CloseDisplay = int (*)(void*);
        if (display_ != nullptr) {
            if (auto close_display = reinterpret_cast<CloseDisplay>(dlsym(x11_, "XCloseDisplay"))) {
                close_display(display_);
            }
        }
    }
    XDisplayProbe(const XDisplayProbe&) = delete;
    XDisplayProbe& operator=(const XDisplayProbe&) = delete;

    bool refused() const { return refused_; }

  private:
    void* x11_ = nullptr;
    void* display_ = nullptr;
    bool refused_ = false;
};

// `keywizard wizard --json`: what a host in another language reads from standard output (DESIGN.md).
std::string wizard_json_report(KeyWizardResult result, const StoredKeyInfo& stored) {
    const char* names[] = {"saved", "skipped", "cancelled"};
    nlohmann::ordered_json json;
    json["result"] = names[static_cast<int>(result)];
    json["saved"] = result == KeyWizardResult::saved;
    auto text_or_null = [](const std::string& text) {
        return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
    };
    json["key"] = text_or_null(stored.masked_key);
    json["backend"] =
        stored.storage ? nlohmann::ordered_json(to_string(*stored.storage)) : nlohmann::ordered_json(nullptr);
    json["location"] = text_or_null(stored.stored ? stored.location : std::string());
    json["status"] = text_or_null(stored.last_check_status);
    json["reason"] = text_or_null(stored.last_check_reason);
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// Ends the program once every modal dialog has returned and the main loop is the one running: closing the
// main window while a wizard it owns still runs its modal loop would delete the wizard under its own feet.
class QuitWhenUnwound : public wxTimer {
  public:
    void Notify() override {
        bool modal_left = false;
        for (wxWindow* window : wxTopLevelWindows) {
            if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) {
                dialog->EndModal(wxID_CANCEL);  // the code that showed it goes on and returns
                modal_left = true;
            }
        }
        if (modal_left || wxEventLoopBase::GetActive() != wxTheApp->GetMainLoop()) {
            return;  // again on the next tick, from the main loop
        }
        Stop();
        for (wxWindow* window : wxTopLevelWindows) {
            window->Close(true);
        }
        wxTheApp->ExitMainLoop();
    }
};

// Ends the program right after the first window (frame or wizard page) is painted: what the startup
// benchmark measures. A filter sees every wxEVT_PAINT, whichever window gets it.
class QuitAfterFirstPaint : public wxEventFilter {
  public:
    int FilterEvent(wxEvent& event) override {
        if (!seen_ && event.GetEventType() == wxEVT_PAINT) {
            seen_ = true;
            quitter_.Start(10);
        }
        return Event_Skip;
    }

  private:
    bool seen_ = false;
    QuitWhenUnwound quitter_;
};

class KeywizardApp : public wxApp {
  public:
    // wxIMPLEMENT_APP_NO_MAIN wants a default constructor; run_gui() passes the real start.
    explicit KeywizardApp(GuiStart start = GuiStart::host_app, bool* usage_error = nullptr)
        : start_(start), usage_error_(usage_error) {}

    // Where GTK opens the display: the only moment GDK_GL is read.
    bool Initialize(int& argc, wxChar** argv) override {
        const SkipGdkGlProbe without_gl;
        return wxApp::Initialize(argc, argv);
    }

    bool OnInit() override {
        SetAppName("keywizard");
        SetAppDisplayName("keywizard");
        // Not wxApp::OnInit(): its command line parser knows none of our options. GTK has already taken
        // its own (--display, ...) out of argv.
        std::vector<std::string> arguments;
        for (int i = 1; i < argc; ++i) {
            arguments.push_back(argv[i].utf8_string());
        }
        if (start_ == GuiStart::wizard && !arguments.empty() && arguments.front() == "wizard") {
            arguments.erase(arguments.begin());
        }
        // The catalog before the options: a usage error is printed in the person's language too.
        UseUserLocaleWithUtf8();
        UseKeywizardTranslations(LocaleDirOfExecutable());
        const char* test_hooks = std::getenv("KEYWIZARD_TEST_HOOKS");
        const AppOptionsParse parse = parse_app_options(arguments, test_hooks != nullptr ? test_hooks : "");
        if (parse.error) {
            std::fprintf(stderr, "keywizard: %s\n%s\n%s", parse.error->c_str(),
                         tr_utf8("Options:").utf8_string().c_str(), app_options_usage().c_str());
            if (usage_error_) {
                *usage_error_ = true;
            }
            return false;
        }
        options_ = parse.options;

        wxInitAllImageHandlers();
        if (options_.quit_after_shown) {
            AddFilter(&quit_after_first_paint_);
        }
        const std::filesystem::path config_dir = core::default_config_directory();
        if (start_ == GuiStart::wizard) {
            // After OnInit, so the wizard runs inside the main loop like any other modal dialog.
            CallAfter([this] {
                KeyWizardOptions wizard_options;
                wizard_options.app.app_id = options_.app_id;
                if (!options_.app_name.empty()) {
                    wizard_options.app.app_name = options_.app_name;
                }
                // `keywizard wizard` for keywizard itself; with --app-id, --app-name or --change-key-later,
                // for another app.
                wizard_options.own_app = options_.app_name.empty() && options_.app_id == Options{}.app_id &&
                                         options_.change_key_later.empty();
                wizard_options.app.content_file = options_.content_file;
                wizard_options.app.change_key_later = options_.change_key_later;
                StoredKeyInfo saved;
                const KeyWizardResult result = RunKeyWizard(nullptr, wizard_options, &saved);
                if (options_.json) {
                    std::fputs(wizard_json_report(result, saved).c_str(), stdout);
                    std::fflush(stdout);
                }
                wizard_exit_code_ = result == KeyWizardResult::saved ? 0 : 1;
                ExitMainLoop();
            });
            return true;
        }
        auto* frame = new MainFrame(config_dir, options_);
        frame->Show();
        return true;
    }

    int OnExit() override {
        if (options_.quit_after_shown) {
            RemoveFilter(&quit_after_first_paint_);
        }
        return wxApp::OnExit();
    }

    int OnRun() override {
        const int status = wxApp::OnRun();
        return start_ == GuiStart::wizard ? wizard_exit_code_ : status;
    }

  private:
    GuiStart start_;
    bool* usage_error_;
    AppOptions options_;
    int wizard_exit_code_ = 1;  // `keywizard wizard`: 0 once a key was saved
    QuitAfterFirstPaint quit_after_first_paint_;
};

}  // namespace
}  // namespace keywizard::ui

wxIMPLEMENT_APP_NO_MAIN(keywizard::ui::KeywizardApp);

namespace keywizard::ui {

int run_gui(int argc, char** argv, GuiStart start) {
    // A DISPLAY that cannot be opened (a stale ssh forward, a stopped X server) makes GTK abort with
    // SIGTRAP inside wx: try it first and say so in one line.
    const XDisplayProbe probe;
    if (probe.refused()) {
        const char* display = std::getenv("DISPLAY");
        std::fprintf(
            stderr,
            "keywizard: cannot open the display \"%s\". Without one, use keywizard check, set, show or "
            "forget (keywizard --help).\n",
            display != nullptr ? display : "");
        return 69;
    }
    // An instance set before wxEntry is the one wxEntry uses: that is how the start mode reaches it.
    bool usage_error = false;
    wxApp::SetInstance(new KeywizardApp(start, &usage_error));
    const int exit_code = wxEntry(argc, argv);
    return usage_error ? 64 : exit_code;
}

}  // namespace keywizard::ui
