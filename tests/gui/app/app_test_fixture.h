#pragma once

// What the app GUI tests share: a fresh config directory and a clean keyring per test, a loopback TLS
// stand-in of the API that answers by key, ways to store a key and read back what was stored, and the
// main window.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "settings/app_settings.h"
#include "settings/key_storage.h"
#include "tests/gui/gui_test_support.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_keys.h"
#include "wizard/app/app_options.h"
#include "wizard/app/configuration_editor.h"

class wxDialog;

namespace keywizard::ui {
class MainFrame;
}

namespace keywizard::test {

class UiScript;

class AppFixture {
  public:
    AppFixture();
    ~AppFixture();
    AppFixture(const AppFixture&) = delete;
    AppFixture& operator=(const AppFixture&) = delete;

    std::filesystem::path config_dir() const { return environment_.config_dir(); }

    // The API stand-in: valid_key and other_valid_key list models, scoped_key lacks a scope (403), anything
    // else is an invalid key (401). Started on first use; settings.json is pointed at it with the test CA,
    // as the base URL the stored key was verified at.
    LoopbackServer& api();
    void point_settings_at_api();
    std::size_t api_requests() const { return server_ ? server_->request_count() : 0; }
    // The key the last request to the stand-in carried, from its Authorization header.
    std::string last_key_sent() const;

    void store_key(const std::string& key,
                   settings::SecretBackend backend = settings::SecretBackend::keyring);
    settings::StoredKey stored_key();
    settings::AppSettings saved_settings();
    void edit_settings(const std::function<void(settings::AppSettings&)>& edit);

    // A main window on this config directory, shown; waits until it shows the stored key's state.
    ui::MainFrame* open_main_window(ui::AppOptions options = {});
    void close_main_window();
    ui::MainFrame* main_window() const { return frame_; }
    bool main_window_shows_state() const;  // the state was read and is on screen

    // Runs the Configuration Editor on this config directory until it closes, with `script` acting inside
    // it (the editor is modal); true when it wrote something.
    bool run_editor(UiScript& script, ui::EditorCategory first = ui::EditorCategory::api_keys);

  private:
    IsolatedUserEnvironment environment_;
    std::unique_ptr<LoopbackServer> server_;
    ui::MainFrame* frame_ = nullptr;
};

// The Configuration Editor while it is shown, or nullptr: it is modal, so only a UiScript step reaches it.
wxDialog* editor();
bool editor_ready();  // shown and idle
void close_editor();  // presses its Close, which saves
// The editor's state, read from its windows; set_editor_key_text does not pump events.
bool editor_is_idle(wxDialog* editor);  // loaded, not saving: Close is enabled
void set_editor_key_text(wxDialog* editor, const std::string& text);
std::string editor_key_text(wxDialog* editor);
// Presses a button inside a modal dialog (see press() in ui_script.h).
void press_named(wxWindow* root, const wxString& name);

}  // namespace keywizard::test
