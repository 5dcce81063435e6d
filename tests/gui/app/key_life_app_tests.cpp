// The main window and the stored key's life: which key tools use, a stored key that would go to another
// base URL (asked first), and the background re-check that notices a revoked key.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/stattext.h>

#include <chrono>
#include <cstdlib>

#include "core/key_setup.h"
#include "net/key_lint.h"
#include "tests/gui/app/app_test_fixture.h"
#include "tests/gui/app/ui_script.h"
#include "wizard/app/app_ids.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/main_frame.h"
#include "wizard/pages/wizard_test_driver.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/notice_box.h"

using namespace keywizard::test;
using keywizard::settings::SecretBackend;
using keywizard::ui::KeyCheckPanel;

namespace {

wxInfoBar* info_bar_of(wxWindow* frame) {
    return dynamic_cast<wxInfoBar*>(find_window_by_name(frame, "info_bar"));
}

wxString label_of(wxWindow* root, const wxString& name) {
    auto* text = find_by_name<wxStaticText>(root, name);
    return text ? text->GetLabel() : wxString("(no " + name + ")");
}

// A last check this long ago, as settings.json records it.
std::string hours_ago(int hours) {
    const auto then = std::chrono::system_clock::now() - std::chrono::hours(hours);
    const std::time_t seconds = std::chrono::system_clock::to_time_t(then);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    return std::string(text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc));
}

void record_last_check(AppFixture& app, const std::string& status, const std::string& time) {
    app.edit_settings([&](keywizard::settings::AppSettings& settings) {
        settings.last_check_status = status;
        settings.last_check_reason = status == "valid" ? "ok" : "invalid_api_key";
        settings.last_check_time = time;
    });
}

const wxString wizard_name = "key_wizard";
const wxString question_name = "endpoint_changed_question";

}  // namespace

BOOST_AUTO_TEST_SUITE(key_life_app_tests)

BOOST_AUTO_TEST_CASE(the_main_window_says_when_the_environments_key_overrides_the_stored_one) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    const ScopedEnvironment environment{{"OPENAI_API_KEY", other_valid_key}};
    keywizard::ui::MainFrame* frame = app.open_main_window();
    wxString shown = label_of(frame, "environment_key_notice");
    shown.Replace("\n", " ");  // wrapped to the window's width
    const std::string notice = shown.utf8_string();
    BOOST_TEST(
        notice.find("Your environment's key " + keywizard::net::mask_key(other_valid_key) +
                    " overrides the stored " + keywizard::net::mask_key(valid_key)) != std::string::npos,
        notice);
    BOOST_TEST(notice.find(other_valid_key) == std::string::npos);
    BOOST_TEST(is_visible(find_window_by_name(frame, "environment_key_notice")));
}

BOOST_AUTO_TEST_CASE(no_notice_when_the_environment_holds_the_stored_key) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    const ScopedEnvironment environment{{"OPENAI_API_KEY", valid_key}};
    keywizard::ui::MainFrame* frame = app.open_main_window();
    auto* notice = find_window_by_name(frame, "environment_key_notice");
    BOOST_TEST((notice == nullptr || !is_visible(notice)));
}

BOOST_AUTO_TEST_CASE(the_configuration_editor_says_when_the_environments_key_overrides_the_stored_one) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    const ScopedEnvironment environment{{"OPENAI_API_KEY", other_valid_key}};
    std::string notice;
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] {
        if (auto* box = find_by_name<keywizard::ui::NoticeBox>(editor(), "editor_notice");
            box && is_visible(box)) {
            wxString text = box->GetText();
            text.Replace("\n", " ");  // wrapped
            notice = text.utf8_string();
        }
        close_editor();
    });
    app.run_editor(script);
    BOOST_TEST(
        notice.find("overrides the stored " + keywizard::net::mask_key(valid_key)) != std::string::npos,
        notice);
    BOOST_TEST(notice.find(other_valid_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(test_key_asks_before_sending_the_stored_key_to_another_base_url) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    app.point_settings_at_api();
    // Verified somewhere else: the stand-in's address is a change (as a planted setting would be).
    app.edit_settings([](keywizard::settings::AppSettings& settings) {
        settings.verified_base_url = "https://api.openai.com/v1";
    });
    keywizard::ui::MainFrame* frame = app.open_main_window();
    auto* panel = find_by_name<KeyCheckPanel>(frame, "key_check");
    BOOST_REQUIRE(panel != nullptr);

    wxString heading;
    UiScript decline;
    decline.on_question("the question", question_name, [&](const keywizard::ui::Question& question) {
        heading = question.title;
        return int(wxID_CANCEL);
    });
    decline.start();
    click(find_by_name<wxButton>(frame, "test_key_button"));
    BOOST_TEST(pump_until([&] { return decline.finished(); }), "waiting for " << decline.waiting_for());
    BOOST_TEST(app.api_requests() == 0u);  // declined: not sent
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));

    UiScript confirm;
    confirm.on_question("the question again", question_name,
                        [](const keywizard::ui::Question&) { return int(wxID_YES); });
    confirm.start();
    click(find_by_name<wxButton>(frame, "test_key_button"));
    BOOST_TEST_REQUIRE(pump_until([&] { return panel->GetState() == KeyCheckPanel::State::result; }));
    BOOST_TEST(app.api_requests() == 1u);
    BOOST_TEST((panel->GetOutcome()->status == keywizard::net::KeyStatus::valid));
    // Confirmed and valid: the key is bound to the new address from now on.
    BOOST_TEST(app.saved_settings().verified_base_url == app.api().base_url() + "/v1");
}

BOOST_AUTO_TEST_CASE(a_revoked_key_found_at_start_shows_a_bar_whose_replace_key_opens_the_paste_step) {
    AppFixture app;
    app.store_key(rejected_key, SecretBackend::file);
    app.point_settings_at_api();
    record_last_check(app, "valid", hours_ago(25));
    keywizard::ui::MainFrame* frame = app.open_main_window();
    auto* bar = info_bar_of(frame);
    BOOST_REQUIRE(bar != nullptr);
    BOOST_TEST_REQUIRE(
        pump_until([&] { return bar->IsShown() && bar->HasButtonId(keywizard::ui::ID_REPLACE_KEY); }));
    BOOST_TEST(app.api_requests() == 1u);
    BOOST_TEST(app.saved_settings().last_check_status == "rejected");

    std::optional<keywizard::ui::PageId> page;
    UiScript script;
    script.on_modal("the wizard", wizard_name, [&](wxDialog* dialog) {
        page = keywizard::ui::CurrentWizardPage(dialog);
        press(dynamic_cast<wxButton*>(dialog->FindWindow(wxID_CANCEL)));
    });
    script.start();
    wxCommandEvent replace(wxEVT_BUTTON, keywizard::ui::ID_REPLACE_KEY);
    replace.SetEventObject(bar);
    bar->ProcessWindowEvent(replace);  // returns when the (modal) wizard has closed
    BOOST_TEST(script.finished(), "waiting for " << script.waiting_for());
    BOOST_TEST((page == keywizard::ui::PageId::paste_key));
}

BOOST_AUTO_TEST_CASE(the_background_recheck_is_silent_when_the_key_works) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    app.point_settings_at_api();
    const std::string day_ago = hours_ago(25);
    record_last_check(app, "valid", day_ago);
    keywizard::ui::MainFrame* frame = app.open_main_window();
    BOOST_TEST_REQUIRE(pump_until([&] { return app.saved_settings().last_check_time != day_ago; }));
    BOOST_TEST(app.api_requests() == 1u);
    BOOST_TEST(app.saved_settings().last_check_status == "valid");
    BOOST_TEST(!info_bar_of(frame)->IsShown());
}

BOOST_AUTO_TEST_SUITE_END()
