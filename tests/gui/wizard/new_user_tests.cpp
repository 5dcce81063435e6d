// What a new user tripped on (issue 15), each proved on real windows: hidden Advanced fields take no focus,
// the key's label names the key field, notices are no Tab stops, Enter after a passing test goes on, and a
// saved key cannot be walked back or cancelled.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include <wx/collpane.h>
#include <wx/frame.h>
#include <wx/icon.h>
#include <wx/image.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/pages/illustration_bundle.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/label_link.h"
#include "wizard/widgets/notice_box.h"

namespace keywizard::test {
namespace {

void collect_notices(wxWindow* root, std::vector<ui::NoticeBox*>& found) {
    if (auto* notice = dynamic_cast<ui::NoticeBox*>(root)) {
        found.push_back(notice);
    }
    for (wxWindow* child : root->GetChildren()) {
        collect_notices(child, found);
    }
}

wxStaticText* find_static_text(wxWindow* root, const wxString& text) {
    if (auto* label = dynamic_cast<wxStaticText*>(root); label != nullptr && label->GetLabelText() == text) {
        return label;
    }
    for (wxWindow* child : root->GetChildren()) {
        if (auto* found = find_static_text(child, text)) {
            return found;
        }
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(new_user_tests)

BOOST_AUTO_TEST_CASE(collapsed_advanced_fields_take_no_focus_and_no_typing) {
    WizardFixture f;
    f.open_paste_page(nullptr);
    auto* advanced = f.child<wxCollapsiblePane>("advanced_pane");
    BOOST_TEST_REQUIRE(advanced->IsCollapsed());
    const char* fields[] = {"advanced_base_url", "advanced_organization", "advanced_project",
                            "advanced_ca_file",  "advanced_ca_browse",    "advanced_proxy"};
    for (const char* name : fields) {
        BOOST_TEST(!f.child<wxWindow>(name)->IsEnabled(), name);  // GTK skips insensitive widgets on Tab
    }
    advanced->Expand();
    for (const char* name : fields) {
        BOOST_TEST(f.child<wxWindow>(name)->IsEnabled(), name);
    }
    advanced->Collapse();
    BOOST_TEST(!f.child<wxWindow>("advanced_base_url")->IsEnabled());
}

BOOST_AUTO_TEST_CASE(the_key_label_names_the_key_field_shown_or_hidden) {
    WizardFixture f;
    f.open_paste_page(nullptr);
    wxStaticText* label = find_static_text(&f.wizard(), "Your OpenAI API key:");
    BOOST_TEST_REQUIRE(label != nullptr);
    BOOST_TEST(ui::linked_widget_of(label) == f.child<wxTextCtrl>("key_text")->GetHandle());
    auto* show = f.child<wxToggleButton>("key_show_toggle");
    show->SetValue(true);
    wxCommandEvent toggled(wxEVT_TOGGLEBUTTON, show->GetId());
    toggled.SetInt(1);
    toggled.SetEventObject(show);
    show->GetEventHandler()->ProcessEvent(toggled);
    BOOST_TEST(ui::linked_widget_of(label) == f.child<wxTextCtrl>("key_text")->GetHandle());
    BOOST_TEST(f.child<wxTextCtrl>("key_text")->GetHandle() !=
               f.child<wxTextCtrl>("key_text_masked")->GetHandle());
}

BOOST_AUTO_TEST_CASE(notices_are_never_tab_stops) {
    WizardFixture f;
    std::vector<ui::NoticeBox*> notices;
    collect_notices(&f.wizard(), notices);
    BOOST_TEST_REQUIRE(!notices.empty());
    for (auto* notice : notices) {
        BOOST_TEST(!notice->AcceptsFocusFromKeyboard(), notice->GetName());
        BOOST_TEST(!notice->AcceptsFocus(), notice->GetName());
    }
}

BOOST_AUTO_TEST_CASE(enter_after_a_passing_test_goes_on_and_a_saved_key_cannot_be_walked_back) {
    auto server = start_api(models_reply());
    WizardFixture f;
    settings::KeyStorage(f.config_dir()).forget_key();
    f.open_paste_page(server.get());
    f.type_key(valid_key);
    press_enter(f.child<wxTextCtrl>("key_text"));  // the first Enter tests
    BOOST_TEST_REQUIRE(f.wait_for_result());
    BOOST_TEST(f.current() == ui::PageId::paste_key);
    press_enter(f.child<wxTextCtrl>("key_text"));  // the second goes on, as Next would
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::done; }));
    BOOST_TEST(server->request_count() == 1u);  // it did not test again
    BOOST_TEST((f.wizard().Result() == ui::KeyWizardResult::saved));
    BOOST_TEST(!f.back_button()->IsEnabled());
    BOOST_TEST(!f.cancel_button()->IsEnabled());
}

// A host's wizard says whose it is, and wears the host's icon.
BOOST_AUTO_TEST_CASE(a_host_wizard_names_the_host_app_and_wears_its_icon) {
    IsolatedUserEnvironment home;
    wxFrame host(nullptr, wxID_ANY, "Writer");
    wxIcon icon;
    icon.CopyFromBitmap(wxBitmap(wxImage(16, 16)));
    host.SetIcon(icon);
    ui::KeyWizardOptions options;
    options.app.config_dir = home.config_dir();
    options.app.app_id = "com.example.Writer";
    options.app.app_name = "Writer";
    auto* wizard = new ui::KeyWizardDialog(&host, options);
    BOOST_TEST(wizard->GetTitle() == "Writer: set up your OpenAI API key");
    BOOST_TEST(wizard->GetIcons().GetIconCount() == 1u);
    wizard->Destroy();
    pump_events();

    ui::KeyWizardOptions own;
    own.app.config_dir = home.config_dir();
    auto* plain = new ui::KeyWizardDialog(nullptr, own);
    BOOST_TEST(plain->GetTitle() == "Set up your OpenAI API key");
    plain->Destroy();
    pump_events();
}

// A host's own content file: its pages replace keywizard's, its pictures come from next to it; a broken
// file leaves keywizard's own words.
BOOST_AUTO_TEST_CASE(a_host_content_file_replaces_the_words_and_pictures_it_names) {
    IsolatedUserEnvironment home;
    const auto folder = home.config_dir().parent_path() / "host-content";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "content.json") << R"({"pages": [
        {"id": "start", "title": "Connect Writer to OpenAI", "instruction": "Writer needs a key.", "notices": []},
        {"id": "create_account", "title": "Make an account", "instruction": "Sign up.",
         "steps": ["Open the page."], "links": [], "notices": [],
         "images": [{"name": "writer_signup", "caption": "Writer's own picture"}]}]})";
    wxImage picture(320, 200);
    picture.SetRGB(wxRect(0, 0, 320, 200), 30, 120, 200);
    BOOST_TEST_REQUIRE(
        picture.SaveFile(wxString::FromUTF8((folder / "writer_signup.png").string()), wxBITMAP_TYPE_PNG));

    ui::KeyWizardOptions options;
    options.app.config_dir = home.config_dir();
    options.app.content_file = folder / "content.json";
    auto* wizard = new ui::KeyWizardDialog(nullptr, options);
    wizard->Start();
    pump_events();
    auto* title =
        dynamic_cast<wxStaticText*>(find_window_by_name(wizard->PageFor(ui::PageId::start), "page_title"));
    BOOST_TEST_REQUIRE(title != nullptr);
    BOOST_TEST(title->GetLabelText() == "Connect Writer to OpenAI");
    const auto* host = wizard->HostContent();
    BOOST_TEST_REQUIRE(host != nullptr);
    const std::string picture_name = host->page("create_account")->images.front().name;
    BOOST_TEST(picture_name == (folder / "writer_signup.png").string());
    const wxSize shown = ui::illustration_bundle(picture_name, 240).GetDefaultSize();
    BOOST_TEST(shown.x == 240);
    BOOST_TEST(shown.y == 150);
    // A page the host left out keeps keywizard's words.
    auto* paste_title = dynamic_cast<wxStaticText*>(
        find_window_by_name(wizard->PageFor(ui::PageId::paste_key), "page_title"));
    BOOST_TEST(paste_title->GetLabelText() == "Step 4: Paste and test your key");
    wizard->Destroy();
    pump_events();

    std::ofstream(folder / "broken.json") << "{\"pages\": [";
    options.app.content_file = folder / "broken.json";
    auto* fallback = new ui::KeyWizardDialog(nullptr, options);
    BOOST_TEST(fallback->HostContent() == nullptr);
    auto* own_title =
        dynamic_cast<wxStaticText*>(find_window_by_name(fallback->PageFor(ui::PageId::start), "page_title"));
    BOOST_TEST(own_title->GetLabelText() != "Connect Writer to OpenAI");
    fallback->Destroy();
    pump_events();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
