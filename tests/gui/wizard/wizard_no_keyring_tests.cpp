// Without a keyring the wizard asks: a plain-text file readable only by you, or don't save. Run as its own
// CTest entry (wizard_gui_tests_no_keyring) whose environment points the session bus at nothing from the
// start: libsecret keeps its connection for the whole process, so this cannot share a process with the
// tests that use the real keyring. Disabled in the main run.
#include <boost/test/unit_test.hpp>

#include <wx/radiobut.h>
#include <wx/stattext.h>

#include <sys/stat.h>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/widgets/notice_box.h"

using namespace keywizard::test;
using keywizard::settings::KeyStorage;
using keywizard::settings::SecretBackend;
using keywizard::settings::SecretReadState;
using namespace keywizard::ui;

namespace {

void reach_a_valid_result(WizardFixture& f, LoopbackServer& server) {
    f.open_paste_page(&server);
    BOOST_TEST_REQUIRE(f.start_facts()->keyring_problem.has_value());
    BOOST_TEST_REQUIRE(is_visible(f.child<wxWindow>("storage_box")));
    f.type_key(valid_key);
    BOOST_TEST(!f.next_button()->IsEnabled());
    f.press_test_key();
    BOOST_TEST_REQUIRE(f.wait_for_result());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_no_keyring_tests, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(the_person_is_told_why_and_may_save_to_a_private_plain_text_file) {
    auto server = start_api(models_reply());
    WizardFixture f;
    reach_a_valid_result(f, *server);
    const auto notice = f.child<keywizard::ui::NoticeBox>("storage_notice")->GetText().utf8_string();
    BOOST_TEST(notice.find("keyring cannot be used") != std::string::npos, notice);
    choose(f.child<wxRadioButton>("storage_file"));
    BOOST_TEST_REQUIRE(f.next_button()->IsEnabled());
    f.go_next();
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == PageId::done; }));
    BOOST_TEST((f.result() == KeyWizardResult::saved));

    const auto env_file = f.config_dir() / ".env";
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(env_file.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    const auto stored = KeyStorage(f.config_dir()).read_key();
    BOOST_TEST_REQUIRE((stored.state == SecretReadState::found), stored.message);
    BOOST_TEST((stored.backend == SecretBackend::file));
    BOOST_TEST((stored.key == valid_key));
    BOOST_TEST(is_visible(f.child<wxWindow>("done_warning")));  // says it is plain text
    const auto where = f.child<wxStaticText>("done_location")->GetLabel().utf8_string();
    BOOST_TEST(where.find(".env") != std::string::npos, where);
}

BOOST_AUTO_TEST_CASE(dont_save_stores_nothing_and_the_done_page_says_so) {
    auto server = start_api(models_reply());
    WizardFixture f;
    reach_a_valid_result(f, *server);
    choose(f.child<wxRadioButton>("storage_none"));
    BOOST_TEST_REQUIRE(f.next_button()->IsEnabled());
    f.go_next();
    BOOST_TEST_REQUIRE(f.current() == PageId::done);
    BOOST_TEST((f.result() == KeyWizardResult::cancelled));
    BOOST_TEST(!std::filesystem::exists(f.config_dir() / ".env"));
    BOOST_TEST((KeyStorage(f.config_dir()).read_key().state != SecretReadState::found));
    const auto status = f.child<keywizard::ui::NoticeBox>("done_status")->GetText().utf8_string();
    BOOST_TEST(status.find("not saved") != std::string::npos, status);
    BOOST_TEST(f.cancel_button()->IsEnabled());
}

BOOST_AUTO_TEST_SUITE_END()
