// The wizard with the keyboard alone: real key presses through the X server (wxUIActionSimulator, XTest),
// no clicks and no events made up by the test. From the start page to a saved key; Escape stops a running
// test before it closes the wizard; the focus lands where the next key press should act.
#include <boost/test/unit_test.hpp>

#include <wx/hyperlink.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <future>

#include "settings/app_settings.h"
#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "tests/support/test_pki.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_check_panel.h"

namespace keywizard::test {
namespace {

// The endpoint a person would have set before: the stand-in and its CA, in the wizard's settings.
void point_settings_at(const std::filesystem::path& config_dir, const LoopbackServer& server) {
    const auto status = settings::SettingsFile(config_dir).update([&](settings::AppSettings& s) {
        s.base_url = server.base_url();
        s.ca_file = TestPki::instance().ca_file();
    });
    BOOST_REQUIRE(status.ok);
}

// Key presses go to the window with the X input focus: the wizard's, once it is raised and active.
void make_active(wxTopLevelWindow& window) {
    window.Raise();
    window.SetFocus();
    BOOST_REQUIRE(pump_until([&] { return window.IsActive(); }));
}

void press(int key, int modifiers = wxMOD_NONE) {
    wxUIActionSimulator keyboard;
    BOOST_REQUIRE(keyboard.Char(key, modifiers));
    pump_events();
}

bool focus_is(const wxWindow* window) {
    return wxWindow::FindFocus() == window;
}

bool focus_inside(const wxWindow* root) {
    for (wxWindow* w = wxWindow::FindFocus(); w != nullptr; w = w->GetParent()) {
        if (w == root) {
            return true;
        }
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keyboard_tests)

BOOST_AUTO_TEST_CASE(start_page_to_saved_key_with_key_presses_only) {
    auto server = start_api(models_reply());
    WizardFixture f(false, false);
    settings::KeyStorage(f.config_dir()).forget_key();
    point_settings_at(f.config_dir(), *server);
    f.create(false);
    BOOST_REQUIRE(pump_until([&] { return f.wizard().StartFacts().has_value(); }));
    make_active(f.wizard());

    // Alt+H: "I already &have an API key"; Alt+N: Next.
    press('h', wxMOD_ALT);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.child<wxRadioButton>("start_have_key")->GetValue(); }));
    press('n', wxMOD_ALT);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::paste_key; }));

    // The focus is in the key field; typing fills it, Enter tests it.
    BOOST_TEST_REQUIRE(pump_until([&] { return focus_is(f.child<wxTextCtrl>("key_text")); }));
    wxUIActionSimulator keyboard;
    BOOST_REQUIRE(keyboard.Text(valid_key.c_str()));
    BOOST_TEST_REQUIRE(pump_until([&] { return f.child<wxTextCtrl>("key_text")->GetValue() == valid_key; }));
    press(WXK_RETURN);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST(server->request_count() == 1u);

    // The focus lands on the result; Enter there goes on (saves) instead of testing again.
    auto* result = f.child<ui::CheckResultPanel>("check_result");
    BOOST_TEST_REQUIRE(pump_until([&] { return focus_is(result); }));
    press(WXK_RETURN);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::done; }));
    BOOST_TEST(server->request_count() == 1u);
    BOOST_TEST((f.wizard().Result() == ui::KeyWizardResult::saved));
    BOOST_TEST(settings::KeyStorage(f.config_dir()).read_key().key == valid_key);

    // Enter on the done page finishes.
    press(WXK_RETURN);
    BOOST_TEST(pump_until([&] { return !f.wizard().IsShown(); }));
}

BOOST_AUTO_TEST_CASE(tab_reaches_the_key_field_by_its_mnemonic_and_guide_pages_start_on_next) {
    WizardFixture f;
    BOOST_REQUIRE(pump_until([&] { return f.wizard().StartFacts().has_value(); }));
    make_active(f.wizard());
    press('n', wxMOD_ALT);  // "I need an OpenAI account" is chosen: the first guide page
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::create_account; }));
    // The focus starts on Next, not on the page's first link (Enter would open a browser).
    BOOST_TEST(pump_until([&] { return focus_is(f.next_button()); }));
    BOOST_TEST(dynamic_cast<wxHyperlinkCtrl*>(wxWindow::FindFocus()) == nullptr);
    press('n', wxMOD_ALT);
    press('n', wxMOD_ALT);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::create_key; }));
    BOOST_TEST(pump_until([&] { return focus_is(f.next_button()); }));
    press('n', wxMOD_ALT);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::paste_key; }));
    // Away from the key field and back by its label's mnemonic, Alt+K.
    press(WXK_TAB);
    BOOST_TEST_REQUIRE(pump_until([&] { return !focus_is(f.child<wxTextCtrl>("key_text")); }));
    press('k', wxMOD_ALT);
    BOOST_TEST(pump_until([&] { return focus_is(f.child<wxTextCtrl>("key_text")); }));
}

BOOST_AUTO_TEST_CASE(escape_cancels_a_running_test_first_and_only_then_the_wizard) {
    // A server that does not answer until the test is over: the test is still running when Escape comes.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    LoopbackServer server([released](const RecordedRequest&, std::size_t) {
        released.wait_for(std::chrono::seconds(30));
        return models_reply();
    });
    WizardFixture f(false, false);
    point_settings_at(f.config_dir(), server);
    f.create(false);
    f.open_paste_page(nullptr);
    f.type_key(valid_key);
    make_active(f.wizard());
    BOOST_TEST_REQUIRE(pump_until([&] { return focus_inside(f.child<wxWindow>("key_entry")); }));
    press(WXK_RETURN);
    auto* panel = f.child<ui::KeyCheckPanel>("key_check");
    BOOST_TEST_REQUIRE(pump_until([&] { return panel->IsTesting(); }));
    BOOST_TEST_REQUIRE(server.wait_for_requests(1, 10s));

    press(WXK_ESCAPE);
    BOOST_TEST(pump_until([&] { return !panel->IsTesting(); }));
    BOOST_TEST(f.wizard().IsShown());  // the first Escape stopped the test only
    BOOST_TEST(f.current() == ui::PageId::paste_key);

    press(WXK_ESCAPE);
    BOOST_TEST(pump_until([&] { return !f.wizard().IsShown(); }));
    BOOST_TEST((f.wizard().Result() == ui::KeyWizardResult::cancelled));
    release.set_value();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
