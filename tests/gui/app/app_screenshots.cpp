// app_screenshots OUTPUT_DIR: renders the host app for docs/screenshots: the main window without and with a
// key, its Settings menu open, and the Configuration Editor's two categories (OUTPUT_DIR/app_*.png). Run
// by scripts/screenshots under Xvfb and a private keyring (scripts/test-session), against a loopback
// stand-in of the API and a throwaway config directory: nothing of the real account is touched.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/timer.h>
#include <wx/treebook.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "net/http_client.h"
#include "settings/key_storage.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_pki.h"
#include "wizard/app/app_locale.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/main_frame.h"
#include "wizard/widgets/key_check_panel.h"

namespace {

using namespace std::chrono_literals;

// Shaped like a project key, not like a real one.
const std::string shown_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEFkwtest7Qx2";

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

void settle() {
    pump_until([] { return false; }, 400ms);  // layout, paint and the activity indicators settle
}

template <class T>
T* named(wxWindow* root, const wxString& name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, root));
}

bool run(const std::string& command) {
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "app_screenshots: failed: %s\n", command.c_str());
        return false;
    }
    return true;
}

// Grabs `rect` (logical pixels) from the X server with ImageMagick's import: Xvfb has no compositor, so
// what is on the screen is what the windows drew, menus included (they are windows of their own).
bool save_rect(const wxWindow* window, wxRect logical, const std::filesystem::path& file) {
    const double scale = window->GetContentScaleFactor();
    const wxRect rect(wxPoint(int(logical.x * scale), int(logical.y * scale)),
                      wxSize(int(logical.width * scale), int(logical.height * scale)));
    if (!run("import -window root -crop " + std::to_string(rect.width) + "x" + std::to_string(rect.height) +
             "+" + std::to_string(rect.x) + "+" + std::to_string(rect.y) + " +repage '" + file.string() +
             "'")) {
        return false;
    }
    std::printf("%s\n", file.c_str());
    return true;
}

bool save_window(wxWindow* window, const std::filesystem::path& file) {
    window->Raise();
    window->Refresh();
    window->Update();
    settle();
    return save_rect(window, window->GetScreenRect(), file);
}

bool shows_state(wxWindow* frame) {
    auto* headline = named<wxWindow>(frame, "key_headline");
    return headline != nullptr && !headline->GetLabel().StartsWith("Reading");
}

keywizard::ui::MainFrame* open_frame(const std::filesystem::path& config_dir) {
    keywizard::ui::AppOptions options;
    options.no_first_run = true;
    auto* frame = new keywizard::ui::MainFrame(config_dir, options);
    frame->Move(0, 0);
    frame->Show();
    pump_until([&] { return shows_state(frame); }, 10s);
    return frame;
}

// The Settings menu, opened the way a person does from the keyboard (F10 opens the menu bar, Right moves
// to Settings, Down highlights its item). Keys go through the X server (xdotool, in the background with
// pauses, so GTK opens each menu before the next key arrives) while this loop keeps drawing.
bool shoot_settings_menu(wxFrame* frame, const std::filesystem::path& file) {
    frame->Raise();
    settle();
    bool ok = run("xdotool search --name '^keywizard$' windowfocus --sync") &&
              run("(for key in F10 Right Right Down; do sleep 0.4; xdotool key $key; done) &");
    pump_until([] { return false; }, 2500ms);
    ok = ok && save_rect(frame, frame->GetScreenRect(), file);
    run("xdotool key Escape; sleep 0.2; xdotool key Escape");
    settle();
    return ok;
}

// The editor is modal: its pictures are taken from a timer running inside its event loop.
class EditorShots : public wxTimer {
  public:
    EditorShots(std::filesystem::path out, int& failures) : out_(std::move(out)), failures_(failures) {}

    void Notify() override {
        wxDialog* editor = nullptr;
        for (wxWindow* window : wxTopLevelWindows) {
            if (auto* dialog = dynamic_cast<wxDialog*>(window);
                dialog && dialog->IsModal() && dialog->GetName() == "configuration_editor") {
                editor = dialog;
            }
        }
        auto* close = editor ? dynamic_cast<wxButton*>(editor->FindWindow(wxID_CLOSE)) : nullptr;
        if (close == nullptr || !close->IsEnabled()) {
            return;  // not up or not loaded yet
        }
        Stop();
        editor->Move(0, 0);
        failures_ += save_window(editor, out_ / "app_editor_api_keys.png") ? 0 : 1;
        named<wxTreebook>(editor, "editor_categories")->SetSelection(1);
        failures_ += save_window(editor, out_ / "app_editor_network.png") ? 0 : 1;
        editor->EndModal(wxID_CANCEL);  // nothing was edited: nothing to save
    }

  private:
    std::filesystem::path out_;
    int& failures_;
};

int shoot(const std::filesystem::path& out) {
    std::filesystem::create_directories(out);
    const std::filesystem::path config_dir = keywizard::settings::default_config_directory();
    keywizard::settings::KeyStorage(config_dir).forget_key();
    keywizard::test::LoopbackServer server([](const keywizard::test::RecordedRequest&, std::size_t) {
        return keywizard::test::Reply::json(
            200,
            R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
            R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]})",
            {{"x-request-id", "req_2b9e61c4a7d84f0e8c3b5a6d7e8f9a10"},
             {"openai-organization", "user-kwtest"},
             {"openai-project", "proj_kwtest"}});
    });
    int failures = 0;

    keywizard::ui::MainFrame* frame = open_frame(config_dir);
    failures += save_window(frame, out / "app_main_not_configured.png") ? 0 : 1;
    frame->Destroy();
    settle();

    keywizard::settings::KeyStorage storage(config_dir);
    if (!storage.save_key(shown_key, keywizard::settings::SecretBackend::keyring).ok) {
        std::fprintf(stderr, "app_screenshots: could not store the key in the session's keyring\n");
        return 1;
    }
    storage.settings_file().update([&](keywizard::settings::AppSettings& settings) {
        settings.base_url = server.base_url() + "/v1";
        settings.ca_file = keywizard::test::TestPki::instance().ca_file();
        settings.first_run = keywizard::settings::FirstRunState::completed;
    });
    frame = open_frame(config_dir);
    failures += shoot_settings_menu(frame, out / "app_settings_menu.png") ? 0 : 1;

    auto* check = named<keywizard::ui::KeyCheckPanel>(frame, "key_check");
    check->StartTest();
    if (pump_until([&] { return check->GetState() == keywizard::ui::KeyCheckPanel::State::result; }, 20s) &&
        pump_until([&] { return named<wxWindow>(frame, "last_check")->GetLabel().StartsWith("Valid"); },
                   10s)) {
        failures += save_window(frame, out / "app_main_configured.png") ? 0 : 1;
    } else {
        std::fprintf(stderr, "app_screenshots: Test key did not reach a valid result\n");
        ++failures;
    }

    // The editor as a person would see it: the default endpoint rather than the stand-in's loopback address
    // and temporary CA, and one required model to show the list.
    storage.settings_file().update([&](keywizard::settings::AppSettings& settings) {
        settings.base_url.clear();
        settings.ca_file.clear();
        settings.required_models = {"gpt-4o-mini"};
    });
    EditorShots editor_shots(out, failures);
    editor_shots.Start(50);
    keywizard::ui::ShowConfigurationEditor(frame, config_dir, keywizard::ui::EditorCategory::api_keys);
    editor_shots.Stop();

    frame->Destroy();
    settle();
    keywizard::settings::KeyStorage(config_dir).forget_key();
    return failures == 0 ? 0 : 1;
}

class ScreenshotApp : public wxApp {
  public:
    bool OnInit() override {
        if (argc != 2) {
            std::fprintf(stderr, "usage: app_screenshots OUTPUT_DIR\n");
            return false;
        }
        keywizard::ui::UseUserLocaleWithUtf8();
        wxInitAllImageHandlers();
        const std::filesystem::path out = argv[1].utf8_string();
        CallAfter([this, out] {
            exit_code_ = shoot(out);
            ExitMainLoop();
        });
        return true;
    }
    int OnRun() override {
        wxApp::OnRun();
        return exit_code_;
    }

  private:
    int exit_code_ = 1;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(ScreenshotApp);

int main(int argc, char** argv) {
    keywizard::net::init_http_globally();
    // A throwaway config directory and no key from the caller's environment in the pictures.
    char scratch[] = "/tmp/keywizard-app-screenshots.XXXXXX";
    if (::mkdtemp(scratch) == nullptr) {
        return 1;
    }
    ::setenv("XDG_CONFIG_HOME", scratch, 1);
    for (const char* name :
         {"OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "SSL_CERT_FILE"}) {
        ::unsetenv(name);
    }
    const int result = wxEntry(argc, argv);
    std::filesystem::remove_all(scratch);
    return result;
}
