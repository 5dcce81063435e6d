// Settings -> Configuration Editor…: categories, saving on close, a changed key tested before it is saved,
// the choices when it is not valid, and Forget key. The editor is modal, so each test scripts the steps a
// person takes inside it (UiScript) and checks what was stored once it has closed.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treebook.h>

#include "tests/gui/app/app_test_fixture.h"
#include "tests/gui/app/ui_script.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/editor_questions.h"
#include "wizard/app/editor_storage.h"
#include "wizard/app/endpoint_question.h"
#include "wizard/app/main_frame.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_check_panel.h"

using namespace keywizard::test;
using keywizard::settings::SecretReadState;
using keywizard::ui::EditorCategory;
using keywizard::ui::KeyCheckPanel;

namespace {

void show_category(int index) {
    auto* book = find_by_name<wxTreebook>(editor(), "editor_categories");
    BOOST_REQUIRE(book != nullptr);
    book->SetSelection(index);
}

KeyCheckPanel* check_panel() {
    return find_by_name<KeyCheckPanel>(editor(), "key_check");
}

void set_timeout(int seconds) {
    auto* timeout = find_by_name<wxSpinCtrl>(editor(), "timeout");
    timeout->SetValue(seconds);
    wxSpinEvent spun(wxEVT_SPINCTRL, timeout->GetId());
    spun.SetEventObject(timeout);
    spun.SetPosition(seconds);
    timeout->ProcessWindowEvent(spun);
}

// Nothing listens on port 1: a check there fails to connect, at once.
const std::string unreachable_base_url = "https://127.0.0.1:1/v1";

void set_base_url(const std::string& url) {
    enter_text(find_by_name<wxTextCtrl>(editor(), "base_url"), url);
}

// The first step of the tests of a changed base URL: on Network, the unreachable one typed in, then Close.
UiScript& close_with_the_unreachable_base_url(UiScript& script) {
    return script.then("the editor on Network, loaded", editor_ready, [] {
        show_category(1);
        set_base_url(unreachable_base_url);
        close_editor();
    });
}

// A fixture with a stored, valid key and settings pointed at the API stand-in.
struct EditorFixture : AppFixture {
    EditorFixture() {
        store_key(valid_key);
        point_settings_at_api();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(configuration_editor_tests)

BOOST_FIXTURE_TEST_CASE(the_editor_has_both_categories_and_shows_what_is_stored, EditorFixture) {
    edit_settings([](keywizard::settings::AppSettings& settings) { settings.organization = "org-kwtest"; });
    std::vector<std::string> categories;
    std::string field_text;
    std::string location;
    wxString organization;
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] {
        auto* book = find_by_name<wxTreebook>(editor(), "editor_categories");
        for (size_t i = 0; i < book->GetPageCount(); ++i) {
            categories.push_back(book->GetPageText(i).utf8_string());
        }
        field_text = editor_key_text(editor());
        location = find_by_name<wxStaticText>(editor(), "key_storage_location")->GetLabel().utf8_string();
        organization = find_by_name<wxTextCtrl>(editor(), "organization")->GetValue();
        close_editor();
    });
    const bool wrote = run_editor(script);
    BOOST_TEST((categories == std::vector<std::string>{"API Keys and Secrets", "Network"}));
    BOOST_TEST(field_text == valid_key);  // in the masked field, where it is edited
    BOOST_TEST(location == stored_key().location);
    BOOST_TEST(organization.utf8_string() == "org-kwtest");
    BOOST_TEST(!wrote);  // nothing changed, nothing written
    BOOST_TEST(api_requests() == 0u);
}

BOOST_FIXTURE_TEST_CASE(closing_tests_the_unchanged_stored_key_with_changed_network_settings_then_saves,
                        EditorFixture) {
    const std::string base_url = saved_settings().base_url;
    UiScript script;
    script.then("the editor on Network, loaded", editor_ready, [&] {
        show_category(1);
        enter_text(find_by_name<wxTextCtrl>(editor(), "organization"), "org-kwtest");
        enter_text(find_by_name<wxTextCtrl>(editor(), "project"), "proj_kwtest");
        enter_text(find_by_name<wxTextCtrl>(editor(), "required_models"),
                   "gpt-4o-mini\n text-embedding-3-small \n");
        set_timeout(12);
        close_editor();
    });
    BOOST_TEST(run_editor(script, EditorCategory::network));

    const auto saved = saved_settings();
    BOOST_TEST(saved.organization == "org-kwtest");
    BOOST_TEST(saved.project == "proj_kwtest");
    BOOST_TEST((saved.required_models == std::vector<std::string>{"gpt-4o-mini", "text-embedding-3-small"}));
    BOOST_TEST(saved.timeout_seconds == 12);
    BOOST_TEST(saved.base_url == base_url);
    // The stored key was tested once, with the new settings, and that test is its last check now.
    BOOST_TEST_REQUIRE(api_requests() == 1u);
    BOOST_TEST(last_key_sent() == valid_key);
    BOOST_TEST(api().requests().back().header("openai-organization").value_or("") == "org-kwtest");
    BOOST_TEST(saved.last_check_status == "valid");
    BOOST_TEST(stored_key().key == valid_key);
}

BOOST_FIXTURE_TEST_CASE(timeout_and_required_models_alone_are_saved_without_a_test, EditorFixture) {
    UiScript script;
    script.then("the editor on Network, loaded", editor_ready, [&] {
        show_category(1);
        enter_text(find_by_name<wxTextCtrl>(editor(), "required_models"), "gpt-4o-mini");
        set_timeout(17);
        close_editor();
    });
    BOOST_TEST(run_editor(script, EditorCategory::network));
    BOOST_TEST(saved_settings().timeout_seconds == 17);
    BOOST_TEST(api_requests() == 0u);
}

BOOST_FIXTURE_TEST_CASE(with_no_stored_key_network_changes_are_saved_without_a_test, EditorFixture) {
    BOOST_TEST_REQUIRE(keywizard::ui::forget_stored_key(config_dir()).ok);
    UiScript script;
    close_with_the_unreachable_base_url(script);
    BOOST_TEST(run_editor(script, EditorCategory::network));
    BOOST_TEST(saved_settings().base_url == unreachable_base_url);
    BOOST_TEST(api_requests() == 0u);
}

// A new base URL: the stored key goes there only after the endpoint question; a test that does not pass
// keeps the editor open with its result until the person saves anyway, and the main window then says the
// key is not verified (not the green "Configured" beside "Could not verify").
BOOST_FIXTURE_TEST_CASE(a_new_base_url_asks_first_and_a_failed_test_is_saved_only_when_chosen,
                        EditorFixture) {
    wxString test_question_heading;
    std::optional<keywizard::net::KeyCheckOutcome> result_after_go_back;
    bool closed_after_go_back = true;
    UiScript script;
    close_with_the_unreachable_base_url(script)
        .on_question("the question about sending the key elsewhere",
                     keywizard::ui::endpoint_changed_question_name,
                     [](const keywizard::ui::Question&) { return int(wxID_YES); })
        .on_question("the question about the failed test", keywizard::ui::network_test_question_name,
                     [&](const keywizard::ui::Question& question) {
                         test_question_heading = question.heading;
                         return int(keywizard::ui::ID_GO_BACK);
                     })
        .then(
            "the editor again, showing the result",
            [] { return editor_ready() && check_panel()->GetState() == KeyCheckPanel::State::result; },
            [&] {
                closed_after_go_back = false;
                result_after_go_back = check_panel()->GetOutcome();
                BOOST_TEST(saved_settings().base_url != unreachable_base_url);  // not saved yet
                close_editor();  // the same result: asked again, without a second test
            })
        .on_question("the question again", keywizard::ui::network_test_question_name,
                     [](const keywizard::ui::Question&) { return int(keywizard::ui::ID_SAVE_ANYWAY); });
    BOOST_TEST(run_editor(script, EditorCategory::network));

    BOOST_TEST(!closed_after_go_back);
    BOOST_TEST_REQUIRE(result_after_go_back.has_value());
    BOOST_TEST((result_after_go_back->status == keywizard::net::KeyStatus::unverified));
    BOOST_TEST(test_question_heading == keywizard::ui::verdict_sentence(*result_after_go_back));
    const auto saved = saved_settings();
    BOOST_TEST(saved.base_url == unreachable_base_url);
    BOOST_TEST(saved.last_check_status == "unverified");
    BOOST_TEST(saved.verified_base_url != unreachable_base_url);  // it did not pass there
    BOOST_TEST(api_requests() == 0u);
    BOOST_TEST(stored_key().key == valid_key);

    keywizard::ui::MainFrame* frame = open_main_window();
    auto* headline = find_by_name<wxStaticText>(frame, "key_headline");
    BOOST_REQUIRE(headline != nullptr);
    BOOST_TEST(headline->GetLabel().utf8_string() == "Configured, not verified");
    close_main_window();
}

BOOST_FIXTURE_TEST_CASE(declining_to_send_the_key_elsewhere_sends_nothing_and_saves_nothing_unasked,
                        EditorFixture) {
    const std::string base_url = saved_settings().base_url;
    std::string result_reason;
    UiScript script;
    close_with_the_unreachable_base_url(script)
        .on_question("the question about sending the key elsewhere",
                     keywizard::ui::endpoint_changed_question_name,
                     [](const keywizard::ui::Question&) { return int(wxID_CANCEL); })
        .on_question("the question about the test that did not run",
                     keywizard::ui::network_test_question_name,
                     [](const keywizard::ui::Question&) { return int(keywizard::ui::ID_GO_BACK); })
        .then("the editor again", editor_ready, [&] {
            result_reason = std::string(keywizard::net::to_string(check_panel()->GetOutcome()->reason));
            // Back to the old address: nothing that changes a check is left, so closing neither tests nor
            // asks.
            show_category(1);
            set_base_url(base_url);
            close_editor();
        });
    run_editor(script, EditorCategory::network);

    BOOST_TEST(result_reason == "endpoint_changed");
    BOOST_TEST(api_requests() == 0u);
    BOOST_TEST(saved_settings().base_url == base_url);
}

BOOST_FIXTURE_TEST_CASE(escape_closes_and_saves_like_the_close_button, EditorFixture) {
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] {
        show_category(1);
        enter_text(find_by_name<wxTextCtrl>(editor(), "project"), "proj_kwescape");
        press_escape(find_by_name<wxTextCtrl>(editor(), "project"));
    });
    BOOST_TEST(run_editor(script));
    BOOST_TEST(saved_settings().project == "proj_kwescape");
}

BOOST_FIXTURE_TEST_CASE(a_changed_key_is_tested_first_and_saved_when_valid, EditorFixture) {
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] {
        set_editor_key_text(editor(), other_valid_key);
        close_editor();
    });
    BOOST_TEST(run_editor(script));

    BOOST_TEST(api_requests() == 1u);
    BOOST_TEST(last_key_sent() == other_valid_key);
    const auto stored = stored_key();
    BOOST_TEST((stored.state == SecretReadState::found));
    BOOST_TEST(stored.key == other_valid_key);
    BOOST_TEST(saved_settings().last_check_status == "valid");
}

BOOST_FIXTURE_TEST_CASE(a_rejected_new_key_is_not_saved_and_keep_previous_keeps_the_old_key, EditorFixture) {
    bool offered_save_anyway = true;
    wxString heading;
    UiScript script;
    script
        .then("the editor, loaded", editor_ready,
              [&] {
                  show_category(1);
                  enter_text(find_by_name<wxTextCtrl>(editor(), "organization"), "org-kwkept");
                  show_category(0);
                  set_editor_key_text(editor(), rejected_key);
                  close_editor();
              })
        .on_question("the question about the rejected key", keywizard::ui::rejected_key_question_name,
                     [&](const keywizard::ui::Question& question) {
                         offered_save_anyway = std::any_of(
                             question.choices.begin(), question.choices.end(),
                             [](const auto& choice) { return choice.id == keywizard::ui::ID_SAVE_ANYWAY; });
                         return keywizard::ui::ID_KEEP_PREVIOUS;
                     });
    BOOST_TEST(run_editor(script));

    BOOST_TEST(!offered_save_anyway);
    BOOST_TEST(api_requests() == 1u);
    BOOST_TEST(last_key_sent() == rejected_key);
    BOOST_TEST(stored_key().key == valid_key);
    // The other changes are not lost with the key.
    BOOST_TEST(saved_settings().organization == "org-kwkept");
}

BOOST_FIXTURE_TEST_CASE(go_back_returns_to_the_editor_with_the_new_text_still_in_the_field, EditorFixture) {
    std::string text_after_go_back;
    UiScript script;
    script
        .then("the editor, loaded", editor_ready,
              [&] {
                  set_editor_key_text(editor(), rejected_key);
                  close_editor();
              })
        .on_question("the question about the rejected key", keywizard::ui::rejected_key_question_name,
                     [](const keywizard::ui::Question&) { return keywizard::ui::ID_GO_BACK; })
        .then("the editor again", editor_ready, [&] {
            text_after_go_back = editor_key_text(editor());
            // Back to the stored key: unchanged, so closing neither tests nor asks.
            set_editor_key_text(editor(), valid_key);
            close_editor();
        });
    run_editor(script);

    BOOST_TEST(text_after_go_back == rejected_key);
    BOOST_TEST(api_requests() == 1u);
    BOOST_TEST(stored_key().key == valid_key);
}

BOOST_FIXTURE_TEST_CASE(a_key_missing_a_scope_can_be_saved_after_choosing_save_anyway, EditorFixture) {
    UiScript script;
    script
        .then("the editor, loaded", editor_ready,
              [&] {
                  set_editor_key_text(editor(), scoped_key);
                  close_editor();
              })
        .on_question("the question about the restricted key", keywizard::ui::rejected_key_question_name,
                     [](const keywizard::ui::Question&) { return keywizard::ui::ID_SAVE_ANYWAY; });
    BOOST_TEST(run_editor(script));

    BOOST_TEST(stored_key().key == scoped_key);
    BOOST_TEST(saved_settings().last_check_status == "limited");
    BOOST_TEST(saved_settings().last_check_reason == "missing_scope");
}

BOOST_FIXTURE_TEST_CASE(a_new_key_tested_by_hand_is_not_tested_again_on_close, EditorFixture) {
    UiScript script;
    script
        .then("the editor, loaded", editor_ready,
              [&] {
                  set_editor_key_text(editor(), other_valid_key);
                  press(find_by_name<wxButton>(editor(), "test_key_button"));
              })
        .then(
            "the test's result",
            [] {
                auto* panel = find_by_name<KeyCheckPanel>(editor(), "key_check");
                return panel != nullptr && panel->GetState() == KeyCheckPanel::State::result;
            },
            [&] { close_editor(); });
    BOOST_TEST(run_editor(script));

    BOOST_TEST(api_requests() == 1u);
    BOOST_TEST(stored_key().key == other_valid_key);
}

BOOST_FIXTURE_TEST_CASE(forget_key_removes_the_stored_key_after_confirmation, EditorFixture) {
    std::string field_after;
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] { press_named(editor(), "forget_key_button"); })
        .on_question("the confirmation", keywizard::ui::forget_key_question_name,
                     [](const keywizard::ui::Question&) { return keywizard::ui::ID_FORGET_KEY; })
        .then(
            "the key forgotten",
            [] {
                return editor_ready() &&
                       find_by_name<wxStaticText>(editor(), "key_storage_location")->GetLabel() ==
                           "Not stored yet";
            },
            [&] {
                field_after = editor_key_text(editor());
                close_editor();
            });
    BOOST_TEST(run_editor(script));

    BOOST_TEST(field_after.empty());
    BOOST_TEST((stored_key().state == SecretReadState::not_found));
    BOOST_TEST(api_requests() == 0u);
}

BOOST_FIXTURE_TEST_CASE(cancelling_the_forget_question_keeps_the_key, EditorFixture) {
    UiScript script;
    script.then("the editor, loaded", editor_ready, [&] { press_named(editor(), "forget_key_button"); })
        .on_question("the confirmation", keywizard::ui::forget_key_question_name,
                     [](const keywizard::ui::Question&) { return wxID_CANCEL; })
        .then("the editor again", editor_ready, [&] { close_editor(); });
    run_editor(script);
    BOOST_TEST(stored_key().key == valid_key);
}

BOOST_AUTO_TEST_SUITE_END()
