#include "tests/gui/app/app_test_fixture.h"

#include <wx/activityindicator.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "tests/gui/app/ui_script.h"
#include "tests/support/test_pki.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/main_frame.h"
#include "wizard/widgets/key_entry_field.h"

namespace keywizard::test {
namespace {

Reply models_reply() {
    return Reply::json(
        200,
        R"({"object":"list","data":[)"
        R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},)"
        R"({"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"}]})",
        {{"x-request-id", "req_kwapp0200"}, {"openai-project", "proj_kwtest"}});
}

Reply invalid_key_reply() {
    return Reply::json(401,
                       R"({"error":{"message":"Incorrect API key provided: sk-proj-********JJJJ.",)"
                       R"("type":"invalid_request_error","param":null,"code":"invalid_api_key"}})",
                       {{"x-request-id", "req_kwapp0401"}});
}

Reply missing_scope_reply() {
    return Reply::json(
        403,
        R"({"error":{"message":"You have insufficient permissions for this operation. Missing )"
        R"(scopes: api.model.read.","type":"invalid_request_error","param":null,"code":null}})",
        {{"x-request-id", "req_kwapp0403"}});
}

std::string key_of(const RecordedRequest& request) {
    const std::string bearer = "Bearer ";
    const auto header = request.header("authorization");
    return header && header->starts_with(bearer) ? header->substr(bearer.size()) : std::string();
}

}  // namespace

AppFixture::AppFixture() {
    // The session's keyring is shared by every test: start from no key at all.
    settings::KeyStorage(config_dir()).forget_key();
}

AppFixture::~AppFixture() {
    close_main_window();
    settings::KeyStorage(config_dir()).forget_key();
}

LoopbackServer& AppFixture::api() {
    if (!server_) {
        server_ = std::make_unique<LoopbackServer>([](const RecordedRequest& request, std::size_t) {
            const std::string key = key_of(request);
            if (key == valid_key || key == other_valid_key) {
                return models_reply();
            }
            if (key == scoped_key) {
                return missing_scope_reply();
            }
            return invalid_key_reply();
        });
    }
    return *server_;
}

void AppFixture::point_settings_at_api() {
    const std::string base_url = api().base_url() + "/v1";
    edit_settings([&](settings::AppSettings& settings) {
        settings.base_url = base_url;
        settings.ca_file = TestPki::instance().ca_file();
        settings.verified_base_url = base_url;  // a stored key may go there without asking
    });
}

std::string AppFixture::last_key_sent() const {
    if (!server_ || server_->request_count() == 0) {
        return {};
    }
    return key_of(server_->requests().back());
}

void AppFixture::store_key(const std::string& key, settings::SecretBackend backend) {
    const settings::StorageStatus saved = settings::KeyStorage(config_dir()).save_key(key, backend);
    BOOST_REQUIRE_MESSAGE(saved.ok, saved.message);
}

settings::StoredKey AppFixture::stored_key() {
    return settings::KeyStorage(config_dir()).read_key();
}

settings::AppSettings AppFixture::saved_settings() {
    return settings::SettingsFile(config_dir()).load().settings;
}

void AppFixture::edit_settings(const std::function<void(settings::AppSettings&)>& edit) {
    const settings::StorageStatus saved = settings::SettingsFile(config_dir()).update(edit);
    BOOST_REQUIRE_MESSAGE(saved.ok, saved.message);
}

ui::MainFrame* AppFixture::open_main_window(ui::AppOptions options) {
    close_main_window();
    frame_ = new ui::MainFrame(config_dir(), options);
    frame_->Show();
    BOOST_REQUIRE_MESSAGE(pump_until([this] { return main_window_shows_state(); }),
                          "the main window never showed the key's state");
    return frame_;
}

void AppFixture::close_main_window() {
    if (frame_ != nullptr) {
        frame_->Destroy();
        frame_ = nullptr;
        pump_events();  // the deferred delete happens in idle processing
    }
}

bool AppFixture::main_window_shows_state() const {
    auto* headline = find_by_name<wxStaticText>(frame_, "key_headline");
    return headline != nullptr && headline->GetLabel() != "Reading the stored key…";
}

bool AppFixture::run_editor(UiScript& script, ui::EditorCategory first) {
    script.start();
    const bool wrote = ui::ShowConfigurationEditor(nullptr, config_dir(), first);
    BOOST_TEST(script.finished(), "the editor closed while the script waited for " << script.waiting_for());
    return wrote;
}

wxDialog* editor() {
    return shown_modal_named("configuration_editor");
}

bool editor_ready() {
    wxDialog* dialog = editor();
    return dialog != nullptr && editor_is_idle(dialog);
}

void close_editor() {
    press(dynamic_cast<wxButton*>(editor()->FindWindow(wxID_CLOSE)));
}

bool editor_is_idle(wxDialog* editor) {
    auto* close = dynamic_cast<wxButton*>(editor->FindWindow(wxID_CLOSE));
    auto* busy = find_by_name<wxActivityIndicator>(editor, "editor_busy");
    return close != nullptr && close->IsEnabled() && busy != nullptr && !busy->IsShown();
}

void set_editor_key_text(wxDialog* editor, const std::string& text) {
    enter_text(find_by_name<wxTextCtrl>(editor, "key_text"), wxString::FromUTF8(text));
}

std::string editor_key_text(wxDialog* editor) {
    auto* field = find_by_name<ui::KeyEntryField>(editor, "key_entry");
    return field ? field->GetKeyText() : std::string();
}

void press_named(wxWindow* root, const wxString& name) {
    press(find_by_name<wxButton>(root, name));
}

}  // namespace keywizard::test
