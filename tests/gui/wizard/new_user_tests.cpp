// What a new user tripped on (issue 15), each proved on real windows: hidden Advanced fields take no focus,
// the key's label names the key field, notices are no Tab stops, Enter after a passing test goes on, and a
// saved key cannot be walked back or cancelled.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
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
#include "wizard/pages/host_content.h"
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

// What a person reads: every label and notice on screen, in window order (a notice's own text once).
void collect_shown_texts(wxWindow* root, std::vector<std::string>& texts) {
    if (!root->IsShownOnScreen()) {
        return;
    }
    if (auto* notice = dynamic_cast<ui::NoticeBox*>(root)) {
        texts.push_back(notice->GetText().utf8_string());
        return;
    }
    if (auto* label = dynamic_cast<wxStaticText*>(root)) {
        texts.push_back(label->GetLabelText().utf8_string());
    }
    if (auto* pane = dynamic_cast<wxCollapsiblePane*>(root); pane != nullptr && pane->IsCollapsed()) {
        return;  // GTK hides a collapsed pane's children without telling wx
    }
    for (wxWindow* child : root->GetChildren()) {
        collect_shown_texts(child, texts);
    }
}

// Every text `root` shows, one per line.
std::string shown_text(wxWindow* root) {
    std::vector<std::string> texts;
    collect_shown_texts(root, texts);
    std::string joined;
    for (const std::string& text : texts) {
        joined += text + "\n";
    }
    return joined;
}

std::size_t count_of(std::string text, const std::string& word) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    std::size_t count = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
        ++count;
    }
    return count;
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
    BOOST_TEST((f.result() == ui::KeyWizardResult::saved));
    BOOST_TEST(!f.back_button()->IsEnabled());
    BOOST_TEST(!f.cancel_button()->IsEnabled());
}

BOOST_AUTO_TEST_CASE(the_done_page_says_saved_once_and_where) {
    auto server = start_api(models_reply());
    WizardFixture f;
    settings::KeyStorage(f.config_dir()).forget_key();
    f.start_key_test(server.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    f.go_next();
    BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::done; }));
    const std::string page = shown_text(&f.wizard());
    BOOST_TEST(count_of(page, "saved") == 1u, page);
    BOOST_TEST(count_of(page, "stored in:") == 1u, page);
    settings::KeyStorage(f.config_dir()).forget_key();
}

BOOST_AUTO_TEST_CASE(a_result_says_it_in_plain_words_and_keeps_the_codes_under_details) {
    auto server = start_api(invalid_key_reply());
    WizardFixture f;
    f.start_key_test(server.get(), other_valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    auto* details = f.child<wxCollapsiblePane>("result_details");
    BOOST_TEST_REQUIRE(details->IsCollapsed());
    // The codes exist, for support, but only inside the collapsed Details.
    for (const char* name : {"result_reason", "result_http_status"}) {
        auto* code = f.child<wxStaticText>(name);
        BOOST_TEST(details->GetPane()->IsDescendant(code), name);
    }
    BOOST_TEST(f.child<wxStaticText>("result_reason")->GetLabel() == "invalid_api_key");
    std::vector<std::string> texts;
    collect_shown_texts(f.child<wxWindow>("check_result"), texts);
    BOOST_TEST_REQUIRE(texts.size() >= 2u);
    // The verdict and the message come first; no code, status or "Reason:" is on screen.
    BOOST_TEST(texts[0] == f.child<wxStaticText>("result_verdict")->GetLabelText().utf8_string());
    BOOST_TEST(texts[1] == f.child<wxStaticText>("result_message")->GetLabelText().utf8_string());
    for (const std::string& text : texts) {
        BOOST_TEST(text.find("invalid_api_key") == std::string::npos, text);
        BOOST_TEST(text.find("HTTP") == std::string::npos, text);
        BOOST_TEST(text.find("401") == std::string::npos, text);
        BOOST_TEST(text.find("Reason") == std::string::npos, text);
    }
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
    ui::WizardDriver wizard(&host, options);
    BOOST_TEST(wizard.window().GetTitle() == "Writer: set up your OpenAI API key");
    BOOST_TEST(wizard.window().GetIcons().GetIconCount() == 1u);
    wizard.Destroy();
    pump_events();

    ui::KeyWizardOptions own;
    own.app.config_dir = home.config_dir();
    ui::WizardDriver plain(nullptr, own);
    BOOST_TEST(plain.window().GetTitle() == "Set up your OpenAI API key");
    plain.Destroy();
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
    ui::WizardDriver wizard(nullptr, options);
    wizard.Start();
    pump_events();
    auto* title =
        dynamic_cast<wxStaticText*>(find_window_by_name(wizard.PageFor(ui::PageId::start), "page_title"));
    BOOST_TEST_REQUIRE(title != nullptr);
    BOOST_TEST(title->GetLabelText() == "Connect Writer to OpenAI");
    const auto* host = wizard.HostContent();
    BOOST_TEST_REQUIRE(host != nullptr);
    const std::string picture_name = host->page("create_account")->images.front().name;
    BOOST_TEST(picture_name == (folder / "writer_signup.png").string());
    const wxSize shown = ui::illustration_bundle(picture_name, 240).GetDefaultSize();
    BOOST_TEST(shown.x == 240);
    BOOST_TEST(shown.y == 150);
    // A page the host left out keeps keywizard's words.
    auto* paste_title =
        dynamic_cast<wxStaticText*>(find_window_by_name(wizard.PageFor(ui::PageId::paste_key), "page_title"));
    BOOST_TEST(paste_title->GetLabelText() == "Step 4: Paste and test your key");
    wizard.Destroy();
    pump_events();

    std::ofstream(folder / "broken.json") << "{\"pages\": [";
    options.app.content_file = folder / "broken.json";
    ui::WizardDriver fallback(nullptr, options);
    BOOST_TEST(fallback.HostContent() == nullptr);
    auto* own_title =
        dynamic_cast<wxStaticText*>(find_window_by_name(fallback.PageFor(ui::PageId::start), "page_title"));
    BOOST_TEST(own_title->GetLabelText() != "Connect Writer to OpenAI");
    fallback.Destroy();
    pump_events();
}

// The sample file docs/content_file.md shows is one the wizard takes as it is; a page id or a picture the
// wizard does not have makes the file unused, with a message that names the mistake.
BOOST_AUTO_TEST_CASE(the_sample_content_file_is_used_and_a_misspelt_page_or_picture_is_reported) {
    const ui::HostContent sample = ui::load_host_content(KEYWIZARD_SAMPLE_CONTENT);
    BOOST_TEST(sample.problem == "");
    BOOST_TEST_REQUIRE(sample.content.page("start") != nullptr);
    BOOST_TEST(sample.content.page("start")->title == "Connect Writer to OpenAI");
    BOOST_TEST(sample.content.page("done") != nullptr);

    IsolatedUserEnvironment home;
    const auto folder = home.config_dir().parent_path() / "host-content";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "misspelt.json")
        << R"({"pages": [{"id": "strat", "title": "Connect Writer", "instruction": "Writer needs a key."}]})";
    const ui::HostContent misspelt = ui::load_host_content(folder / "misspelt.json");
    BOOST_TEST(misspelt.content.pages.empty());
    BOOST_TEST(
        misspelt.problem.find("page \"strat\" is not one of the wizard's pages (start, create_account") !=
            std::string::npos,
        misspelt.problem);

    std::ofstream(folder / "no_picture.json") << R"({"pages": [{"id": "start", "title": "Connect Writer",
        "instruction": "Writer needs a key.", "images": [{"name": "writer_logo", "caption": "Writer"}]}]})";
    const ui::HostContent no_picture = ui::load_host_content(folder / "no_picture.json");
    BOOST_TEST(no_picture.content.pages.empty());
    BOOST_TEST(
        no_picture.problem.find("there is no picture \"writer_logo\" (no writer_logo.png next to the file") !=
            std::string::npos,
        no_picture.problem);
}

// A host's wizard speaks of the host: its name, where it keeps "change the key later", and none of
// keywizard's own menus (Settings -> Configuration Editor, Help -> Set up OpenAI API key).
BOOST_AUTO_TEST_CASE(a_hosts_wizard_names_the_host_and_where_it_changes_the_key) {
    auto server = start_api(models_reply());
    WizardFixture f(/*first_run=*/true, /*start=*/false);
    settings::KeyStorage(f.config_dir()).forget_key();
    for (const std::string& later : {std::string(), std::string("Preferences → Accounts")}) {
        f.customize = [&](ui::KeyWizardOptions& options) {
            options.own_app = false;
            options.app.app_name = "Writer";
            options.app.change_key_later = later;
        };
        f.create(/*first_run=*/true);
        const std::string start = shown_text(f.page(ui::PageId::start));
        BOOST_TEST(start.find("Writer uses OpenAI") != std::string::npos, start);
        BOOST_TEST(start.find("This app") == std::string::npos, start);
        BOOST_TEST(start.find("Help →") == std::string::npos, start);
        BOOST_TEST(start.find(later.empty() ? "in Writer's settings" : "later: Preferences → Accounts") !=
                       std::string::npos,
                   start);

        f.start_key_test(server.get(), valid_key);
        BOOST_TEST_REQUIRE(f.wait_for_result());
        f.go_next();
        BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == ui::PageId::done; }));
        const std::string done = shown_text(f.page(ui::PageId::done));
        BOOST_TEST(done.find("Writer can now use your OpenAI account.") != std::string::npos, done);
        BOOST_TEST(done.find(later.empty() ? "look in Writer's settings" : "later: Preferences → Accounts") !=
                       std::string::npos,
                   done);
        BOOST_TEST(done.find("Configuration Editor") == std::string::npos, done);
        BOOST_TEST(find_window_by_name(f.page(ui::PageId::done), "illustration_gallery") == nullptr);
        settings::KeyStorage(f.config_dir()).forget_key();
    }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
