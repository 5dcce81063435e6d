// The key field on its own: masked by default, show/hide keeps the text, live lint, the 1 KiB cap, Paste.
#include <boost/test/unit_test.hpp>

#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include "tests/gui/gui_test_support.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/widgets/key_entry_field.h"

using namespace keywizard::test;
using keywizard::ui::KeyEntryField;

namespace {

struct FieldInFrame {
    FieldInFrame() {
        frame = new wxFrame(nullptr, wxID_ANY, "key field");
        field = new KeyEntryField(frame);
        field->Bind(keywizard::ui::EVT_KEY_ENTRY_CHANGED, [this](wxCommandEvent&) { ++changes; });
        frame->Show();
        pump_events();
    }
    ~FieldInFrame() {
        frame->Destroy();
        pump_events();
    }
    wxTextCtrl* text() const { return find_by_name<wxTextCtrl>(field, "key_text"); }
    wxString lint_message() const {
        return find_by_name<wxStaticText>(field, "key_lint_message")->GetLabel();
    }

    wxFrame* frame = nullptr;
    KeyEntryField* field = nullptr;
    int changes = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(key_entry_field_tests, FieldInFrame)

BOOST_AUTO_TEST_CASE(the_field_is_masked_until_show_is_pressed_and_keeps_the_text_both_ways) {
    BOOST_TEST(text()->HasFlag(wxTE_PASSWORD));
    type_text(text(), wxString::FromUTF8(valid_key));
    auto* toggle = find_by_name<wxToggleButton>(field, "key_show_toggle");
    toggle->SetValue(true);
    wxCommandEvent event(wxEVT_TOGGLEBUTTON, toggle->GetId());
    event.SetEventObject(toggle);
    event.SetInt(1);
    toggle->ProcessWindowEvent(event);
    pump_events();
    BOOST_TEST(field->IsRevealed());
    BOOST_TEST(!text()->HasFlag(wxTE_PASSWORD));
    BOOST_TEST(text()->GetValue().utf8_string() == valid_key);
    field->SetRevealed(false);
    BOOST_TEST(text()->HasFlag(wxTE_PASSWORD));
    BOOST_TEST(field->GetKeyText() == valid_key);
}

BOOST_AUTO_TEST_CASE(lint_names_a_space_as_the_person_types) {
    type_text(text(), "sk-proj-kwtest0123 kwtest4567kwtest89AB");
    BOOST_TEST(!field->GetLint().ok());
    const auto message = lint_message().utf8_string();
    BOOST_TEST(message.find("space") != std::string::npos, message);
    BOOST_TEST(message.find("19") != std::string::npos, message);  // where it is
    type_text(text(), wxString::FromUTF8(valid_key));
    BOOST_TEST(field->GetLint().ok());
    BOOST_TEST(lint_message().utf8_string().find(valid_key) == std::string::npos);  // masked in the message
    BOOST_TEST(changes >= 2);
}

BOOST_AUTO_TEST_CASE(an_admin_key_is_refused_before_any_test) {
    type_text(text(), "sk-admin-kwtest0123kwtest4567kwtest89AB");
    BOOST_TEST((field->GetLint().verdict == keywizard::net::KeyLintVerdict::admin_key));
    BOOST_TEST(!lint_message().empty());
}

BOOST_AUTO_TEST_CASE(a_key_of_another_provider_is_named_as_it_is_pasted) {
    type_text(text(), "AIzaSykwtestGEMINI0123456789abcdefABCD");
    const auto message = lint_message().utf8_string();
    BOOST_TEST(message.find("a key for Google Gemini, not an OpenAI key") != std::string::npos, message);
    // Not the note for keys of no known shape ("it will be checked anyway"): Test key will refuse to send it.
    BOOST_TEST(message.find("anyway") == std::string::npos, message);
    BOOST_TEST(message.find("kwtestGEMINI") == std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(input_is_capped_at_one_kibibyte_and_the_message_says_so) {
    field->SetKeyText(std::string(3000, 'k'));
    BOOST_TEST(field->GetKeyText().size() == KeyEntryField::max_key_bytes);
    BOOST_TEST(lint_message().utf8_string().find("1024") != std::string::npos);
    BOOST_TEST(changes == 1);
}

BOOST_AUTO_TEST_CASE(truncation_never_splits_a_character) {
    const std::string text = std::string(1023, 'a') + "\xC3\xA9";  // é straddles the cap
    BOOST_TEST(keywizard::ui::truncate_utf8(text, 1024) == std::string(1023, 'a'));
    BOOST_TEST(keywizard::ui::truncate_utf8("short", 1024) == "short");
}

BOOST_AUTO_TEST_CASE(paste_takes_the_clipboard_text) {
    BOOST_TEST_REQUIRE(wxTheClipboard->Open());
    wxTheClipboard->SetData(new wxTextDataObject(wxString::FromUTF8(" " + valid_key + "\n")));
    wxTheClipboard->Close();
    click(find_by_name<wxButton>(field, "key_paste_button"));
    BOOST_TEST(field->GetKeyText() == " " + valid_key + "\n");
    BOOST_TEST(field->GetLint().ok());  // whitespace around a pasted key is trimmed by lint
    BOOST_TEST(field->GetLint().key == valid_key);
    BOOST_TEST(changes == 1);
}

BOOST_AUTO_TEST_SUITE_END()
