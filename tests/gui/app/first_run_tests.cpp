// First run: the wizard opens by itself over the main window until a key is saved or the person skips it;
// Help -> Set up OpenAI API key… opens it at any time.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/menu.h>

#include "tests/gui/app/app_test_fixture.h"
#include "tests/gui/app/ui_script.h"
#include "wizard/app/app_ids.h"
#include "wizard/app/main_frame.h"

using namespace keywizard::test;
using keywizard::settings::FirstRunState;

namespace {

constexpr const char* wizard_name = "key_wizard";

// Watches for the wizard during `duration` of event processing; true when it was shown. Called once the
// main window shows the key's state: a first-run wizard is queued right then, so it would be up at once.
bool wizard_shows_up_within(std::chrono::milliseconds duration) {
    bool seen = false;
    UiScript watch;  // its own deadline is far beyond `duration`: not seeing the wizard is no failure here
    watch.on_modal("the wizard", wizard_name, [&](wxDialog* wizard) {
        seen = true;
        wizard->EndModal(wxID_CANCEL);
    });
    watch.start();
    pump_until([&] { return watch.finished(); }, duration);
    watch.Stop();
    return seen;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(first_run_tests)

BOOST_AUTO_TEST_CASE(first_run_opens_the_wizard_over_the_main_window_with_skip_for_now) {
    AppFixture app;
    bool over_main_window = false;
    bool offers_skip = false;
    UiScript script;
    script.on_modal("the wizard opening by itself", wizard_name, [&](wxDialog* wizard) {
        over_main_window = wizard->GetParent() == app.main_window();
        offers_skip = find_by_name<wxButton>(wizard, "start_skip") != nullptr;
        wizard->EndModal(wxID_CANCEL);
    });
    script.start();
    app.open_main_window();
    BOOST_TEST(pump_until([&] { return script.finished(); }), "never saw " << script.waiting_for());
    BOOST_TEST(over_main_window);
    BOOST_TEST(offers_skip);
    // Closing it is not skipping it: it comes back next time.
    BOOST_TEST((app.saved_settings().first_run == FirstRunState::pending));
}

BOOST_AUTO_TEST_CASE(skip_for_now_is_remembered_and_the_wizard_stays_closed_next_time) {
    AppFixture app;
    UiScript script;
    script.on_modal("the wizard opening by itself", wizard_name,
                    [](wxDialog* wizard) { press(find_by_name<wxButton>(wizard, "start_skip")); });
    script.start();
    app.open_main_window();
    BOOST_TEST(pump_until([&] { return script.finished() && !shown_modal_named(wizard_name); }),
               "waiting for " << script.waiting_for());
    BOOST_TEST((app.saved_settings().first_run == FirstRunState::skipped));

    app.close_main_window();
    app.open_main_window();
    BOOST_TEST(!wizard_shows_up_within(1500ms));
}

BOOST_AUTO_TEST_CASE(a_stored_key_keeps_the_wizard_from_opening_by_itself) {
    AppFixture app;
    app.store_key(valid_key);
    BOOST_TEST(
        (app.saved_settings().first_run == FirstRunState::pending));  // stored by hand, not by the wizard
    app.open_main_window();
    BOOST_TEST(!wizard_shows_up_within(1500ms));
}

BOOST_AUTO_TEST_CASE(the_no_first_run_option_keeps_the_wizard_closed) {
    AppFixture app;
    keywizard::ui::AppOptions options;
    options.no_first_run = true;
    app.open_main_window(options);
    BOOST_TEST(!wizard_shows_up_within(1500ms));
}

BOOST_AUTO_TEST_CASE(help_set_up_openai_api_key_opens_the_wizard_at_its_start_page) {
    AppFixture app;
    app.store_key(valid_key);
    keywizard::ui::MainFrame* frame = app.open_main_window();

    wxMenuBar* bar = frame->GetMenuBar();
    wxMenu* help = bar->GetMenu(bar->FindMenu("Help"));
    BOOST_REQUIRE(help != nullptr);
    wxMenuItem* item = help->FindItem(keywizard::ui::ID_SETUP_KEY);
    BOOST_REQUIRE(item != nullptr);
    BOOST_TEST(item->GetItemLabelText().utf8_string() == "Set up OpenAI API key…");

    bool shown = false;
    bool offers_skip = true;
    UiScript script;
    script.on_modal("the wizard from the Help menu", wizard_name, [&](wxDialog* wizard) {
        shown = true;
        offers_skip = find_by_name<wxButton>(wizard, "start_skip") != nullptr;
        press(dynamic_cast<wxButton*>(wizard->FindWindow(wxID_CANCEL)));
    });
    script.start();
    wxCommandEvent choose(wxEVT_MENU, keywizard::ui::ID_SETUP_KEY);
    choose.SetEventObject(frame);
    frame->ProcessWindowEvent(choose);  // returns when the (modal) wizard has closed
    BOOST_TEST(shown, "waiting for " << script.waiting_for());
    BOOST_TEST(!offers_skip);                       // not a first run: nothing to skip
    BOOST_TEST(app.stored_key().key == valid_key);  // cancelling the wizard changes nothing
}

BOOST_AUTO_TEST_SUITE_END()
