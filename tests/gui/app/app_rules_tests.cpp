// The host app's rules without windows: when the wizard opens by itself, what closing the editor does with
// the key field, and the GUI command's options.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "core/key_setup.h"
#include "tests/gui/app/app_test_fixture.h"
#include "wizard/app/app_options.h"
#include "wizard/app/editor_close_flow.h"

namespace bdata = boost::unit_test::data;
using keywizard::net::KeyCheckOutcome;
using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using keywizard::settings::FirstRunState;
using keywizard::settings::SecretBackend;
using keywizard::settings::SecretReadState;
using namespace keywizard::ui;
namespace net = keywizard::net;
namespace settings = keywizard::settings;

namespace keywizard::ui {
std::ostream& operator<<(std::ostream& out, KeyCloseStep step) {
    return out << static_cast<int>(step);
}
}  // namespace keywizard::ui

namespace {

struct FirstRunCase {
    FirstRunState first_run;
    SecretReadState key_state;
    bool key_storage_recorded;
    bool opens;
};

std::ostream& operator<<(std::ostream& out, const FirstRunCase& c) {
    return out << "first_run=" << static_cast<int>(c.first_run)
               << " key_state=" << static_cast<int>(c.key_state) << " recorded=" << c.key_storage_recorded;
}

const FirstRunCase first_run_cases[] = {
    {FirstRunState::pending, SecretReadState::not_found, false, true},
    {FirstRunState::pending, SecretReadState::found, true, false},
    {FirstRunState::skipped, SecretReadState::not_found, false, false},
    {FirstRunState::completed, SecretReadState::not_found, false, false},  // saved once, forgotten since
    {FirstRunState::pending, SecretReadState::unavailable, false, true},   // no keyring, nothing saved yet
    {FirstRunState::pending, SecretReadState::unavailable, true, false},   // a key may be in the keyring
    {FirstRunState::pending, SecretReadState::failed, true, false},
};

KeyCheckOutcome outcome(KeyStatus status, Reason reason) {
    KeyCheckOutcome result;
    result.status = status;
    result.reason = reason;
    return result;
}

struct CloseCase {
    bool changed;
    std::optional<KeyCheckOutcome> test;
    KeyCloseStep step;
};

std::ostream& operator<<(std::ostream& out, const CloseCase& c) {
    out << "changed=" << c.changed << " test=";
    return c.test ? out << net::to_string(c.test->reason) : out << "none";
}

const CloseCase close_cases[] = {
    {false, std::nullopt, KeyCloseStep::keep_stored_key},
    {false, outcome(KeyStatus::rejected, Reason::invalid_api_key), KeyCloseStep::keep_stored_key},
    {true, std::nullopt, KeyCloseStep::test_new_key},
    {true, outcome(KeyStatus::valid, Reason::ok), KeyCloseStep::save_new_key},
    {true, outcome(KeyStatus::rejected, Reason::invalid_api_key), KeyCloseStep::ask_what_to_do},
    {true, outcome(KeyStatus::limited, Reason::missing_scope), KeyCloseStep::ask_what_to_do},
    {true, outcome(KeyStatus::unverified, Reason::timeout), KeyCloseStep::ask_what_to_do},
    {true, outcome(KeyStatus::unverified, Reason::cancelled), KeyCloseStep::return_to_editor},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(app_rules_tests)

BOOST_DATA_TEST_CASE(wizard_opens_by_itself_only_while_no_key_was_ever_stored_or_skipped,
                     bdata::make(first_run_cases), c) {
    settings::AppSettings settings;
    settings.first_run = c.first_run;
    if (c.key_storage_recorded) {
        settings.key_storage = SecretBackend::keyring;
    }
    BOOST_TEST(keywizard::core::needs_setup(settings, c.key_state) == c.opens);
}

BOOST_DATA_TEST_CASE(closing_the_editor_tests_a_changed_key_and_saves_only_a_valid_one,
                     bdata::make(close_cases), c) {
    BOOST_TEST(next_key_close_step(c.changed, c.test) == c.step);
}

BOOST_AUTO_TEST_CASE(changed_network_settings_are_tested_with_the_stored_key_and_saved_only_when_passed) {
    using keywizard::ui::NetworkCloseStep;
    const auto valid = outcome(KeyStatus::valid, Reason::ok);
    BOOST_TEST((next_network_close_step(false, true, std::nullopt) == NetworkCloseStep::save_untested));
    BOOST_TEST((next_network_close_step(true, false, std::nullopt) == NetworkCloseStep::save_untested));
    BOOST_TEST((next_network_close_step(true, true, std::nullopt) == NetworkCloseStep::test_stored_key));
    BOOST_TEST((next_network_close_step(true, true, valid) == NetworkCloseStep::save_tested));
    for (const Reason reason : {Reason::invalid_api_key, Reason::connect, Reason::endpoint_changed,
                                Reason::missing_scope, Reason::timeout}) {
        BOOST_TEST((next_network_close_step(true, true, outcome(net::status_of(reason), reason)) ==
                    NetworkCloseStep::ask_what_to_do),
                   net::to_string(reason));
    }
    BOOST_TEST((next_network_close_step(true, true, outcome(KeyStatus::unverified, Reason::cancelled)) ==
                NetworkCloseStep::return_to_editor));

    keywizard::settings::AppSettings before;
    auto after = before;
    after.timeout_seconds = 7;
    after.required_models = {"gpt-4o"};
    BOOST_TEST(!keywizard::ui::endpoint_settings_changed(before, after));
    for (auto field :
         {&keywizard::settings::AppSettings::base_url, &keywizard::settings::AppSettings::organization,
          &keywizard::settings::AppSettings::project, &keywizard::settings::AppSettings::ca_file,
          &keywizard::settings::AppSettings::proxy}) {
        auto changed = before;
        changed.*field = "x";
        BOOST_TEST(keywizard::ui::endpoint_settings_changed(before, changed));
    }
}

BOOST_AUTO_TEST_CASE(a_key_field_holding_the_stored_key_in_quotes_or_spaces_is_unchanged) {
    using keywizard::test::valid_key;
    BOOST_TEST(!key_field_changed(valid_key, valid_key));
    BOOST_TEST(!key_field_changed(valid_key, "  \"" + valid_key + "\"\n"));
    BOOST_TEST(!key_field_changed("", ""));
    BOOST_TEST(!key_field_changed("", "   "));
    BOOST_TEST(key_field_changed(valid_key, keywizard::test::other_valid_key));
    BOOST_TEST(key_field_changed(valid_key, ""));  // emptied: tested (and refused) like any other change
    BOOST_TEST(key_field_changed("", keywizard::test::other_valid_key));
}

BOOST_AUTO_TEST_CASE(save_anyway_is_offered_only_for_missing_scope) {
    const auto scoped = choices_for_rejected_key(outcome(KeyStatus::limited, Reason::missing_scope));
    BOOST_TEST((scoped == std::vector{RejectedKeyChoice::go_back, RejectedKeyChoice::keep_previous,
                                      RejectedKeyChoice::save_anyway}));
    for (const Reason reason : {Reason::invalid_api_key, Reason::insufficient_quota, Reason::timeout,
                                Reason::required_model_missing, Reason::malformed_key}) {
        const auto choices = choices_for_rejected_key(outcome(net::status_of(reason), reason));
        BOOST_TEST((choices == std::vector{RejectedKeyChoice::go_back, RejectedKeyChoice::keep_previous}),
                   net::to_string(reason));
    }
}

BOOST_AUTO_TEST_CASE(gui_options_are_parsed_and_unknown_ones_refused) {
    const AppOptionsParse none = parse_app_options({});
    BOOST_TEST(!none.error);
    BOOST_TEST(!none.options.quit_after_shown);
    BOOST_TEST((none.options.view == StartView::none));

    const AppOptionsParse all = parse_app_options({}, "quit-after-shown,no-first-run,show=editor-network");
    BOOST_TEST(!all.error);
    BOOST_TEST(all.options.quit_after_shown);
    BOOST_TEST(all.options.no_first_run);
    BOOST_TEST((all.options.view == StartView::editor_network));

    BOOST_TEST((parse_app_options({}, "show=editor-api-keys").options.view == StartView::editor_api_keys));
    BOOST_TEST(parse_app_options({}, "show=nothing").error.has_value());
    const AppOptionsParse host =
        parse_app_options({"--app-id", "com.example.Writer", "--app-name=Writer", "--content",
                           "/tmp/writer.json", "--change-key-later", "Preferences > Accounts", "--json"});
    BOOST_TEST(!host.error);
    BOOST_TEST(host.options.app_id == "com.example.Writer");
    BOOST_TEST(host.options.app_name == "Writer");
    BOOST_TEST(host.options.content_file == "/tmp/writer.json");
    BOOST_TEST(host.options.change_key_later == "Preferences > Accounts");
    BOOST_TEST(host.options.json);
    BOOST_TEST(parse_app_options({"--app-id", "../escape"}).error.has_value());
    // Test hooks are not options a person can pass.
    BOOST_TEST(parse_app_options({"--quit-after-shown"}).error.has_value());
    BOOST_TEST(parse_app_options({"--frobnicate"}).error.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
