// The paste page end to end: real checks against a loopback TLS stand-in of the API, real saving into the
// keyring of scripts/test-session (or the file when told), real cancels of a server that never answers.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/collpane.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "tests/support/test_pki.h"
#include "wizard/pages/paste_key_page.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/key_entry_field.h"
#include "wizard/widgets/notice_box.h"

using namespace keywizard::test;
using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using keywizard::settings::KeyStorage;
using keywizard::settings::SecretReadState;
using namespace keywizard::ui;
using Clock = std::chrono::steady_clock;

namespace {

KeyCheckPanel* check_panel(WizardFixture& f) {
    return f.child<KeyCheckPanel>("key_check");
}

// The keyring of the test session is shared by all tests of the run: start each storing test from none.
void forget_any_stored_key(const std::filesystem::path& config_dir) {
    const auto forgotten = KeyStorage(config_dir).forget_key();
    BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
}

// A check under way against a server that never answers, for the tests of each way to leave it.
struct UnansweredCheck {
    std::unique_ptr<LoopbackServer> server = start_api(Reply::silence());
    WizardFixture f;

    UnansweredCheck() {
        f.start_key_test(server.get(), valid_key);
        BOOST_TEST_REQUIRE(server->wait_for_requests(1, 10s));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_paste_key_tests)

BOOST_AUTO_TEST_CASE(a_valid_key_enables_next_and_ends_stored_with_its_settings) {
    auto server = start_api(models_reply());
    WizardFixture f;
    forget_any_stored_key(f.config_dir());
    f.open_paste_page(server.get());
    f.type_key(valid_key);
    BOOST_TEST(!f.next_button()->IsEnabled());
    f.press_test_key();
    BOOST_TEST_REQUIRE(f.wait_for_result());
    const auto outcome = check_panel(f)->GetOutcome();
    BOOST_TEST_REQUIRE(outcome.has_value());
    BOOST_TEST((outcome->status == KeyStatus::valid));
    BOOST_TEST(f.child<wxStaticText>("result_models")->GetLabel() == "3");
    BOOST_TEST(f.child<wxStaticText>("result_request_id")->GetLabel() == "req_kwtest0001");
    BOOST_TEST(f.next_button()->IsEnabled());

    f.go_next();
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == PageId::done; }));
    BOOST_TEST((f.result() == KeyWizardResult::saved));
    BOOST_TEST(f.next_button()->GetLabel() == "&Finish");
    BOOST_TEST(!f.cancel_button()->IsEnabled());  // saved: nothing left to cancel

    KeyStorage storage(f.config_dir());
    const auto stored = storage.read_key();
    BOOST_TEST_REQUIRE((stored.state == SecretReadState::found), stored.message);
    BOOST_TEST((stored.key == valid_key));
    BOOST_TEST((stored.backend == keywizard::settings::SecretBackend::keyring));
    const auto settings = storage.settings_file().load().settings;
    BOOST_TEST(settings.base_url == server->base_url());
    BOOST_TEST(settings.ca_file == TestPki::instance().ca_file());
    BOOST_TEST((settings.first_run == keywizard::settings::FirstRunState::completed));
    BOOST_TEST(settings.last_check_status == "valid");
    // The done page says where, as KeyStorage reported it.
    const auto where = f.child<wxStaticText>("done_location")->GetLabel().utf8_string();
    BOOST_TEST(
        where.find(storage.location_of(keywizard::settings::SecretBackend::keyring)) != std::string::npos,
        where);
    // The server got the key as a bearer token, and nothing else carried it.
    const auto requests = server->requests();
    BOOST_TEST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].header("authorization").value_or("") == "Bearer " + valid_key);

    click(f.next_button());  // Finish
    BOOST_TEST(!f.wizard().IsShown());
    BOOST_TEST(f.wizard().GetReturnCode() == wxID_OK);
    forget_any_stored_key(f.config_dir());
}

BOOST_AUTO_TEST_CASE(a_rejected_key_keeps_next_disabled_and_is_not_stored) {
    auto server = start_api(invalid_key_reply());
    WizardFixture f;
    forget_any_stored_key(f.config_dir());
    f.start_key_test(server.get(), other_valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    const auto outcome = check_panel(f)->GetOutcome();
    BOOST_TEST_REQUIRE(outcome.has_value());
    BOOST_TEST((outcome->reason == Reason::invalid_api_key));
    BOOST_TEST(f.child<wxStaticText>("result_reason")->GetLabel() == "invalid_api_key");
    BOOST_TEST(f.child<wxStaticText>("result_http_status")->GetLabel() == "401");
    BOOST_TEST(is_visible(f.child<wxWindow>("result_remedy")));
    BOOST_TEST(!f.next_button()->IsEnabled());
    BOOST_TEST(!is_visible(f.child<wxCheckBox>("save_anyway")));  // only missing_scope may be saved anyway

    click(f.cancel_button());
    BOOST_TEST((f.result() == KeyWizardResult::cancelled));
    KeyStorage storage(f.config_dir());
    BOOST_TEST((storage.read_key().state == SecretReadState::not_found));
    BOOST_TEST(!std::filesystem::exists(f.config_dir() / ".env"));
}

BOOST_AUTO_TEST_CASE(a_key_of_another_provider_is_named_and_never_sent) {
    auto server = start_api(models_reply());
    WizardFixture f;
    forget_any_stored_key(f.config_dir());
    f.start_key_test(server.get(), "sk-ant-api03-kwtestANTHROPIC0123456789abcdef");
    BOOST_TEST_REQUIRE(f.wait_for_result());
    const auto outcome = check_panel(f)->GetOutcome();
    BOOST_TEST_REQUIRE(outcome.has_value());
    BOOST_TEST((outcome->reason == Reason::wrong_provider));
    BOOST_TEST(f.child<wxStaticText>("result_reason")->GetLabel() == "wrong_provider");
    wxString message = f.child<wxStaticText>("result_message")->GetLabel();
    message.Replace("\n", " ");
    BOOST_TEST(message.Contains("a key for Anthropic"), message.utf8_string());
    BOOST_TEST(!f.next_button()->IsEnabled());
    BOOST_TEST(server->connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(editing_the_key_or_an_advanced_field_after_a_valid_test_disables_next) {
    auto server = start_api(models_reply());
    WizardFixture f;
    f.start_key_test(server.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST_REQUIRE(f.next_button()->IsEnabled());

    f.type_key(other_valid_key);
    BOOST_TEST(!f.next_button()->IsEnabled());
    BOOST_TEST((check_panel(f)->GetState() == KeyCheckPanel::State::ready));

    f.press_test_key();
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST_REQUIRE(f.next_button()->IsEnabled());
    f.child<wxCollapsiblePane>("advanced_pane")->Expand();
    type_text(f.child<wxTextCtrl>("advanced_organization"), "org-kwtest");
    BOOST_TEST(!f.next_button()->IsEnabled());
    BOOST_TEST(!check_panel(f)->GetOutcome().has_value());
}

BOOST_AUTO_TEST_CASE(missing_scope_can_be_saved_only_after_ticking_save_anyway) {
    auto server = start_api(missing_scope_reply());
    WizardFixture f;
    f.start_key_test(server.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST((check_panel(f)->GetOutcome()->reason == Reason::missing_scope));
    auto* save_anyway = f.child<wxCheckBox>("save_anyway");
    BOOST_TEST_REQUIRE(is_visible(save_anyway));
    BOOST_TEST(is_visible(f.child<wxWindow>("scope_warning")));
    BOOST_TEST(f.child<keywizard::ui::NoticeBox>("scope_warning")
                   ->GetText()
                   .Contains("without permission to list models"));
    BOOST_TEST(!f.next_button()->IsEnabled());
    set_checked(save_anyway, true);
    BOOST_TEST(f.next_button()->IsEnabled());
    set_checked(save_anyway, false);
    BOOST_TEST(!f.next_button()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(enter_in_the_key_field_runs_the_test) {
    auto server = start_api(models_reply());
    WizardFixture f;
    f.open_paste_page(server.get());
    f.type_key(valid_key);
    press_enter(f.child<wxTextCtrl>("key_text"));
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST((check_panel(f)->GetOutcome()->status == KeyStatus::valid));
    BOOST_TEST(f.current() == PageId::paste_key);  // Enter tested; it did not press Next
}

BOOST_FIXTURE_TEST_CASE(cancel_during_a_server_that_never_answers_returns_to_ready_at_once, UnansweredCheck) {
    BOOST_TEST_REQUIRE((check_panel(f)->GetState() == KeyCheckPanel::State::testing));
    BOOST_TEST(is_visible(f.child<wxWindow>("cancel_test_button")));

    click(f.child<wxButton>("cancel_test_button"));
    // At once: no waiting for the worker, which ends by itself.
    BOOST_TEST((check_panel(f)->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(f.child<wxStaticText>("test_status")->GetLabel() == "Test cancelled.");
    BOOST_TEST(f.child<wxButton>("test_key_button")->IsEnabled());
    BOOST_TEST(!f.next_button()->IsEnabled());
    // The worker really stopped: the client left the connection within a tick of libcurl's progress.
    BOOST_TEST(server->wait_for_finished_connections(1, 2s));
    pump_for(100ms);
    BOOST_TEST((check_panel(f)->GetState() == KeyCheckPanel::State::ready));  // no late result
}

BOOST_FIXTURE_TEST_CASE(escape_cancels_a_running_test_and_a_second_escape_closes_the_wizard,
                        UnansweredCheck) {
    auto* field = f.child<wxTextCtrl>("key_text");
    press_key(field, WXK_ESCAPE);
    BOOST_TEST((check_panel(f)->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(f.wizard().IsShown());
    press_key(field, WXK_ESCAPE);
    BOOST_TEST(!f.wizard().IsShown());
    BOOST_TEST((f.result() == KeyWizardResult::cancelled));
}

BOOST_FIXTURE_TEST_CASE(closing_the_wizard_mid_check_cancels_and_joins_the_worker, UnansweredCheck) {
    const auto started = Clock::now();
    f.destroy();  // what closing the app does to the window: no Cancel first
    BOOST_TEST((Clock::now() - started < 1500ms));
    BOOST_TEST(server->wait_for_finished_connections(1, 2s));
}

BOOST_FIXTURE_TEST_CASE(the_wizard_cancel_button_mid_check_closes_cleanly, UnansweredCheck) {
    click(f.cancel_button());
    BOOST_TEST(!f.wizard().IsShown());
    BOOST_TEST((f.result() == KeyWizardResult::cancelled));
    BOOST_TEST(server->wait_for_finished_connections(1, 2s));
}

BOOST_FIXTURE_TEST_CASE(going_back_during_a_test_cancels_it, UnansweredCheck) {
    f.go_back();
    BOOST_TEST(f.current() == PageId::start);
    BOOST_TEST((check_panel(f)->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(server->wait_for_finished_connections(1, 2s));
}

BOOST_AUTO_TEST_CASE(the_key_from_the_environment_is_tested_at_once_and_stays_masked) {
    auto server = start_api(models_reply());
    WizardFixture f(false, false);
    ScopedEnvironment environment{{"OPENAI_API_KEY", valid_key},
                                  {"OPENAI_BASE_URL", server->base_url()},
                                  {"SSL_CERT_FILE", TestPki::instance().ca_file()}};
    f.create(false);
    BOOST_TEST_REQUIRE(f.child<wxRadioButton>("start_env_key")->GetValue());
    f.go_next();
    BOOST_TEST_REQUIRE(f.current() == PageId::paste_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST((check_panel(f)->GetOutcome()->status == KeyStatus::valid));
    auto* field = f.child<keywizard::ui::KeyEntryField>("key_entry");
    BOOST_TEST(!field->IsRevealed());
    BOOST_TEST(field->GetKeyText() == valid_key);
    BOOST_TEST(f.next_button()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(copy_diagnostics_reports_the_check_without_the_key) {
    auto server = start_api(invalid_key_reply());
    WizardFixture f;
    f.start_key_test(server.get(), other_valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    auto* result = f.child<keywizard::ui::CheckResultPanel>("check_result");
    const std::string report = result->GetDiagnostics();
    BOOST_TEST(report.find("invalid_api_key") != std::string::npos, report);
    BOOST_TEST(report.find("req_kwtest0401") != std::string::npos, report);
    BOOST_TEST(report.find(server->base_url()) != std::string::npos, report);
    BOOST_TEST(report.find(other_valid_key) == std::string::npos, report);
    BOOST_TEST(report.find("kwtest9876") == std::string::npos, report);  // not even a middle part of it
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(wizard_generation_check_tests)

// "Check that it can write text": offered after a passing Test key, says what it costs, and sends its one
// POST only when pressed. A read-only key then ends limited / missing_scope (save anyway still applies).
BOOST_AUTO_TEST_CASE(the_write_text_check_runs_only_when_pressed) {
    LoopbackServer server([](const RecordedRequest& request, std::size_t) {
        if (request.method == "POST") {
            return Reply::json(
                401, R"({"error":{"message":"You have insufficient permissions for this operation. )"
                     R"(Missing scopes: model.request.","type":"invalid_request_error","param":null,)"
                     R"("code":null}})");
        }
        return models_reply();
    });
    WizardFixture f;
    f.start_key_test(&server, valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST((check_panel(f)->GetOutcome()->status == KeyStatus::valid));
    auto* check_generation = f.child<wxButton>("check_generation_button");
    BOOST_TEST_REQUIRE(is_visible(check_generation));
    const auto note = f.child<wxStaticText>("check_generation_note")->GetLabel().utf8_string();
    BOOST_TEST(note.find("fraction of a cent") != std::string::npos, note);
    BOOST_TEST(f.next_button()->IsEnabled());

    // Shown, not run: nothing but the models list was asked for, even after a while.
    pump_until([] { return false; }, 300ms);
    BOOST_TEST_REQUIRE(server.request_count() == 1u);
    BOOST_TEST(server.requests()[0].method == "GET");

    click(check_generation);
    BOOST_TEST_REQUIRE(pump_until(
        [&] {
            const auto outcome = check_panel(f)->GetOutcome();
            return outcome && outcome->generation.checked;
        },
        20s));
    const auto outcome = check_panel(f)->GetOutcome();
    BOOST_TEST((outcome->status == KeyStatus::limited));
    BOOST_TEST((outcome->reason == Reason::missing_scope));
    BOOST_TEST(f.child<wxStaticText>("result_verdict")->GetLabel().utf8_string().find("cannot write text") !=
               std::string::npos);
    BOOST_TEST(!is_visible(check_generation));
    BOOST_TEST(!f.next_button()->IsEnabled());
    BOOST_TEST(is_visible(f.child<wxCheckBox>("save_anyway")));
    // The choice to save it says what the probe found: read-only, not "cannot list models".
    const auto warning = f.child<keywizard::ui::NoticeBox>("scope_warning")->GetText().utf8_string();
    BOOST_TEST(warning.find("read-only") != std::string::npos, warning);
    BOOST_TEST(warning.find("model.request") != std::string::npos, warning);
    BOOST_TEST(warning.find("list models, so") == std::string::npos, warning);
    const auto requests = server.requests();
    BOOST_TEST_REQUIRE(requests.size() == 2u);
    BOOST_TEST(requests[1].method == "POST");
    BOOST_TEST(requests[1].target.ends_with("/chat/completions"));
}

BOOST_AUTO_TEST_SUITE_END()
