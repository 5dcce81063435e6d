// app_screenshots OUTPUT_DIR: renders the host app for docs/screenshots: the main window without and with a
// key, its Settings menu open, and the Configuration Editor's two categories (OUTPUT_DIR/app_*.png). Run
// by scripts/screenshots under Xvfb and a private keyring (scripts/test-session), against a loopback
// stand-in of the API and a throwaway config directory: nothing of the real account is touched.
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/timer.h>
#include <wx/treebook.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "settings/key_storage.h"
#include "tests/gui/screenshot_support.h"
#include "tests/support/test_pki.h"
#include "wizard/app/app_locale.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/main_frame.h"
#include "wizard/widgets/key_check_panel.h"

namespace {

using namespace std::chrono_literals;
using namespace keywizard::test;

// Shaped like a project key, not like a real one.
const std::string shown_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEFkwtest7Qx2";

// Layout, paint and the activity indicators settle.
constexpr auto settle_time = 400ms;

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
    settle(settle_time);
    bool ok = run_command("xdotool search --name '^keywizard$' windowfocus --sync") &&
              run_command("(for key in F10 Right Right Down; do sleep 0.4; xdotool key $key; done) &");
    settle(2500ms);
    ok = ok && save_rect(frame, frame->GetScreenRect(), file);
    run_command("xdotool key Escape; sleep 0.2; xdotool key Escape");
    settle(settle_time);
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
        failures_ += save_window(editor, out_ / "app_editor_api_keys.png", settle_time) ? 0 : 1;
        named<wxTreebook>(editor, "editor_categories")->SetSelection(1);
        failures_ += save_window(editor, out_ / "app_editor_network.png", settle_time) ? 0 : 1;
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
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return screenshot_models_reply(); });
    int failures = 0;

    keywizard::ui::MainFrame* frame = open_frame(config_dir);
    failures += save_window(frame, out / "app_main_not_configured.png", settle_time) ? 0 : 1;
    frame->Destroy();
    settle(settle_time);

    keywizard::settings::KeyStorage storage(config_dir);
    if (!storage.save_key(shown_key, keywizard::settings::SecretBackend::keyring).ok) {
        std::fprintf(stderr, "app_screenshots: could not store the key in the session's keyring\n");
        return 1;
    }
    storage.settings_file().update([&](keywizard::settings::AppSettings& settings) {
        settings.base_url = server.base_url() + "/v1";
        settings.verified_base_url = settings.base_url;  // else Test key first asks before sending it there
        settings.ca_file = TestPki::instance().ca_file();
        settings.first_run = keywizard::settings::FirstRunState::completed;
    });
    frame = open_frame(config_dir);
    failures += shoot_settings_menu(frame, out / "app_settings_menu.png") ? 0 : 1;

    auto* check = named<keywizard::ui::KeyCheckPanel>(frame, "key_check");
    check->StartTest();
    if (pump_until([&] { return check->GetState() == keywizard::ui::KeyCheckPanel::State::result; }, 20s) &&
        pump_until([&] { return named<wxWindow>(frame, "last_check")->GetLabel().StartsWith("Valid"); },
                   10s)) {
        failures += save_window(frame, out / "app_main_configured.png", settle_time) ? 0 : 1;
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
    settle(settle_time);
    keywizard::settings::KeyStorage(config_dir).forget_key();
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    return keywizard::test::run_screenshot_tool(argc, argv,
                                                {.name = "app_screenshots",
                                                 .on_init = [] { keywizard::ui::UseUserLocaleWithUtf8(); },
                                                 .shoot = shoot});
}
