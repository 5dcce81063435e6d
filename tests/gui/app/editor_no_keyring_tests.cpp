// Without a keyring: the editor asks before it saves a changed key (a plain-text file readable only by you,
// go back, or don't save), and a first run still opens the wizard. Run as its own CTest entry
// (app_gui_tests_no_keyring) with the session bus pointed at nothing from the start: libsecret keeps its
// connection for the whole process, so this cannot share a process with the keyring tests. Disabled in the
// main run.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/dialog.h>

#include <sys/stat.h>

#include "tests/gui/app/app_test_fixture.h"
#include "tests/gui/app/ui_script.h"
#include "wizard/app/configuration_editor.h"
#include "wizard/app/editor_questions.h"

using namespace keywizard::test;
using keywizard::settings::SecretBackend;
using keywizard::settings::SecretReadState;

namespace {

// An old key in the .env file (the only place there is), settings pointed at the API stand-in.
struct NoKeyringFixture : AppFixture {
    NoKeyringFixture() {
        store_key(valid_key, SecretBackend::file);
        point_settings_at_api();
    }

    // Steps: type `new_key`, close, and answer the keyring question with the button `answer`.
    static void change_key_and_answer(UiScript& script, const std::string& new_key, int answer) {
        script
            .then("the editor, loaded", editor_ready,
                  [new_key] {
                      set_editor_key_text(editor(), new_key);
                      close_editor();
                  })
            .on_question("the keyring question", keywizard::ui::keyring_fallback_question_name,
                         [answer](const keywizard::ui::Question&) { return answer; });
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(editor_no_keyring_tests, *boost::unit_test::disabled())

BOOST_FIXTURE_TEST_CASE(a_valid_new_key_is_saved_to_the_private_file_when_chosen, NoKeyringFixture) {
    UiScript script;
    change_key_and_answer(script, other_valid_key, keywizard::ui::ID_SAVE_TO_FILE);
    BOOST_TEST(run_editor(script));

    const auto stored = stored_key();
    BOOST_TEST_REQUIRE((stored.state == SecretReadState::found), stored.message);
    BOOST_TEST((stored.backend == SecretBackend::file));
    BOOST_TEST(stored.key == other_valid_key);
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat((config_dir() / ".env").c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
}

BOOST_FIXTURE_TEST_CASE(dont_save_keeps_the_previous_key, NoKeyringFixture) {
    UiScript script;
    change_key_and_answer(script, other_valid_key, keywizard::ui::ID_DONT_SAVE);
    run_editor(script);
    BOOST_TEST(api_requests() == 1u);  // it was tested, only not saved
    BOOST_TEST(stored_key().key == valid_key);
}

BOOST_FIXTURE_TEST_CASE(go_back_keeps_the_editor_open_with_the_new_key, NoKeyringFixture) {
    std::string text_after_go_back;
    UiScript script;
    change_key_and_answer(script, other_valid_key, keywizard::ui::ID_GO_BACK);
    script.then(
        "the editor again, after Go back",
        [] { return editor_ready() && editor_key_text(editor()) == other_valid_key; },
        [&] {
            text_after_go_back = editor_key_text(editor());
            set_editor_key_text(editor(), valid_key);
            close_editor();
        });
    run_editor(script);
    BOOST_TEST(text_after_go_back == other_valid_key);
    BOOST_TEST(stored_key().key == valid_key);
}

BOOST_AUTO_TEST_CASE(a_first_run_without_a_keyring_still_opens_the_wizard) {
    AppFixture app;
    bool seen = false;
    UiScript script;
    script.on_modal("the wizard opening by itself", "key_wizard", [&](wxDialog* wizard) {
        seen = true;
        wizard->EndModal(wxID_CANCEL);
    });
    script.start();
    app.open_main_window();
    BOOST_TEST(pump_until([&] { return script.finished(); }), "never saw " << script.waiting_for());
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_SUITE_END()
