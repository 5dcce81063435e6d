// After a pasted key is saved, the done page offers to clear the clipboard if it still holds that key (a
// button, not a dialog), and clears it only if it still does. The real clipboard of the Xvfb display.
#include <boost/test/unit_test.hpp>

#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/stattext.h>

#include <cstdlib>

#include "net/key_lint.h"
#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"

using namespace keywizard::test;
using keywizard::settings::KeyStorage;
using keywizard::ui::PageId;

namespace {

void set_clipboard(const std::string& text) {
    BOOST_REQUIRE(wxTheClipboard->Open());
    wxTheClipboard->SetData(new wxTextDataObject(wxString::FromUTF8(text)));
    wxTheClipboard->Close();
}

std::string clipboard_text() {
    std::string text;
    if (wxTheClipboard->Open()) {
        wxTextDataObject data;
        if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) && wxTheClipboard->GetData(data)) {
            text = data.GetText().utf8_string();
        }
        wxTheClipboard->Close();
    }
    return text;
}

// Pastes `key` (it is on the clipboard, as after a copy from the API keys page), tests and saves it.
void save_key_through_the_wizard(WizardFixture& f, LoopbackServer& server, const std::string& key) {
    BOOST_TEST_REQUIRE(KeyStorage(f.config_dir()).forget_key().ok);
    f.start_key_test(&server, key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    f.go_next();
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == PageId::done; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_key_hygiene_tests)

BOOST_AUTO_TEST_CASE(the_done_page_clears_the_clipboard_that_still_holds_the_saved_key) {
    auto server = start_api(models_reply());
    WizardFixture f;
    set_clipboard(valid_key + "\n");
    save_key_through_the_wizard(f, *server, valid_key);

    auto* clear = f.child<wxButton>("clear_clipboard");
    BOOST_TEST_REQUIRE(clear != nullptr);
    BOOST_TEST_REQUIRE(is_visible(clear));
    click(clear);
    BOOST_TEST(clipboard_text().empty());
    BOOST_TEST(f.child<wxStaticText>("clipboard_notice")->GetLabel() == "Clipboard cleared.");
    BOOST_TEST(!is_visible(clear));
    BOOST_TEST(KeyStorage(f.config_dir()).forget_key().ok);
}

BOOST_AUTO_TEST_CASE(something_copied_since_is_left_on_the_clipboard) {
    auto server = start_api(models_reply());
    WizardFixture f;
    set_clipboard(valid_key);
    save_key_through_the_wizard(f, *server, valid_key);
    auto* clear = f.child<wxButton>("clear_clipboard");
    BOOST_TEST_REQUIRE(is_visible(clear));

    set_clipboard("a shopping list");  // the person copied something else meanwhile
    click(clear);
    BOOST_TEST(clipboard_text() == "a shopping list");
    BOOST_TEST(
        f.child<wxStaticText>("clipboard_notice")->GetLabel().StartsWith("The clipboard no longer holds"));
    BOOST_TEST(KeyStorage(f.config_dir()).forget_key().ok);
}

BOOST_AUTO_TEST_CASE(nothing_is_offered_when_the_clipboard_holds_something_else) {
    auto server = start_api(models_reply());
    WizardFixture f;
    set_clipboard("not the key");
    save_key_through_the_wizard(f, *server, valid_key);
    auto* clear = f.child<wxButton>("clear_clipboard");
    BOOST_TEST((clear == nullptr || !is_visible(clear)));
    BOOST_TEST(clipboard_text() == "not the key");
    BOOST_TEST(KeyStorage(f.config_dir()).forget_key().ok);
}

BOOST_AUTO_TEST_CASE(the_start_page_says_when_the_environments_key_overrides_the_stored_one) {
    WizardFixture f(false, false);
    BOOST_TEST_REQUIRE(
        KeyStorage(f.config_dir()).save_key(valid_key, keywizard::settings::SecretBackend::file).ok);
    ::setenv("OPENAI_API_KEY", other_valid_key.c_str(), 1);
    f.create(false);
    auto* notice = f.child<wxStaticText>("start_environment_notice");
    BOOST_TEST_REQUIRE(notice != nullptr);
    const bool shown = pump_until([&] { return is_visible(notice); });
    ::unsetenv("OPENAI_API_KEY");
    BOOST_TEST_REQUIRE(shown);
    wxString text = notice->GetLabel();
    text.Replace("\n", " ");
    BOOST_TEST(text.utf8_string().find("Your environment's key " + keywizard::net::mask_key(other_valid_key) +
                                       " overrides the stored " + keywizard::net::mask_key(valid_key)) !=
                   std::string::npos,
               text.utf8_string());
}

BOOST_AUTO_TEST_SUITE_END()
