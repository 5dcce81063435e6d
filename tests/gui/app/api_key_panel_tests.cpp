// keywizard::CreateApiKeyPanel in a host's own dialog: it shows the stored key, tests a new one and saves
// only a key that tested valid, with what it was tested against; Test key answers on the UI thread through
// keywizard::CheckKeyAsync.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/thread.h>

#include <clocale>
#include <cstring>
#include <string>

#include <langinfo.h>

#include "keywizard/wx.h"
#include "tests/gui/app/app_test_fixture.h"
#include "tests/support/scoped_environment.h"
#include "wizard/app/endpoint_question.h"
#include "wizard/app/question_dialog.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/key_entry_field.h"

namespace keywizard::test {
namespace {

// A host's settings dialog holding the panel.
struct HostDialog {
    explicit HostDialog(const Options& options) {
        dialog = new wxDialog(nullptr, wxID_ANY, "Host settings");
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        panel = CreateApiKeyPanel(dialog, options);
        sizer->Add(panel, wxSizerFlags(1).Expand().Border(wxALL, 12));
        dialog->SetSizerAndFit(sizer);
        dialog->Show();
    }
    ~HostDialog() {
        dialog->Destroy();
        pump_events();
    }
    ui::KeyEntryField* field() const { return find_by_name<ui::KeyEntryField>(panel, "key_entry"); }
    wxButton* save() const { return find_by_name<wxButton>(panel, "save_key_button"); }
    wxButton* test() const { return find_by_name<wxButton>(panel, "test_key_button"); }
    ui::KeyCheckPanel* check() const { return find_by_name<ui::KeyCheckPanel>(panel, "key_check"); }

    wxDialog* dialog = nullptr;
    wxWindow* panel = nullptr;
};

Options options_for(const AppFixture& fixture) {
    Options options;
    options.config_dir = fixture.config_dir();
    options.app_name = "Host";
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_key_panel_tests)

BOOST_AUTO_TEST_CASE(a_new_key_is_saved_only_after_it_tested_valid) {
    AppFixture fixture;
    fixture.point_settings_at_api();
    fixture.store_key(valid_key);
    HostDialog host(options_for(fixture));
    BOOST_TEST_REQUIRE(pump_until([&] { return host.field()->GetKeyText() == valid_key; }));
    BOOST_TEST(!host.save()->IsEnabled());  // nothing changed

    host.field()->SetKeyText(rejected_key);
    click(host.test());
    BOOST_TEST_REQUIRE(
        pump_until([&] { return host.check()->GetState() == ui::KeyCheckPanel::State::result; }));
    BOOST_TEST(!host.save()->IsEnabled());  // rejected: cannot be saved
    BOOST_TEST(fixture.stored_key().key == valid_key);

    host.field()->SetKeyText(other_valid_key);
    BOOST_TEST(!host.save()->IsEnabled());  // not tested yet
    click(host.test());
    BOOST_TEST_REQUIRE(pump_until([&] { return host.save()->IsEnabled(); }));
    click(host.save());
    BOOST_TEST_REQUIRE(pump_until([&] { return fixture.stored_key().key == other_valid_key; }));
    BOOST_TEST(pump_until([&] { return !host.save()->IsEnabled(); }));
    const settings::AppSettings saved = fixture.saved_settings();
    BOOST_TEST(saved.last_check_status == "valid");
    BOOST_TEST(saved.verified_base_url == fixture.api().base_url() + "/v1");
}

// The stored key in the field goes only where it was verified: with the base URL moved (here by
// OPENAI_BASE_URL), Test key asks first, and a "no" sends nothing and says why.
BOOST_AUTO_TEST_CASE(the_stored_key_is_not_sent_to_a_base_url_it_was_not_verified_at_unasked) {
    AppFixture fixture;
    fixture.point_settings_at_api();
    fixture.store_key(valid_key);
    // Another stand-in: a base URL the key was never verified at.
    LoopbackServer elsewhere([](const RecordedRequest&, std::size_t) {
        return Reply::json(200, R"({"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]})");
    });
    ScopedEnvironment moved{{"OPENAI_BASE_URL", elsewhere.base_url() + "/v1"}};
    std::vector<wxString> asked;
    int answer = wxID_CANCEL;
    ui::SetQuestionAnswerer([&](const ui::Question& question) {
        asked.push_back(question.name);
        return answer;
    });
    HostDialog host(options_for(fixture));
    BOOST_TEST_REQUIRE(pump_until([&] { return host.field()->GetKeyText() == valid_key; }));

    click(host.test());
    BOOST_TEST_REQUIRE(
        pump_until([&] { return host.check()->GetState() == ui::KeyCheckPanel::State::result; }));
    BOOST_TEST(asked == std::vector<wxString>{ui::endpoint_changed_question_name});
    BOOST_TEST(net::to_string(host.check()->GetOutcome()->reason) == "endpoint_changed");
    BOOST_TEST(elsewhere.request_count() == 0u);
    BOOST_TEST(fixture.api().request_count() == 0u);

    answer = wxID_YES;  // the person set that address: it is tested there
    click(host.test());
    BOOST_TEST_REQUIRE(pump_until([&] { return elsewhere.request_count() == 1u; }));
    ui::SetQuestionAnswerer(nullptr);
}

// A host sizes its dialog to the panel once (SetSizerAndFit) and never again: the panel's best size holds
// its result, so the verdict a test shows later is on screen, not cut off below the dialog's edge; and in a
// notebook (examples/host_app) its Save button keeps clear of the page's border. Also run at 200 %
// (app_gui_tests_hidpi).
BOOST_AUTO_TEST_CASE(the_result_of_a_test_fits_the_dialog_the_host_sized_before_it) {
    AppFixture fixture;
    fixture.point_settings_at_api();
    fixture.store_key(valid_key);  // the panel shows it once loaded: then it is ready for a test
    auto inside = [](wxWindow* window, wxWindow* area, int margin) {
        wxRect client(area->ClientToScreen(wxPoint(0, 0)), area->GetClientSize());
        return client.Deflate(margin).Contains(window->GetScreenRect());
    };
    {
        HostDialog host(options_for(fixture));
        BOOST_TEST_REQUIRE(pump_until([&] { return host.field()->GetKeyText() == valid_key; }));
        const wxSize before = host.dialog->GetSize();
        // The verdict of a wrong key (a remedy link), then of a working one (the offer to check it can
        // write).
        const std::vector<std::pair<std::string, std::vector<const char*>>> tests = {
            {rejected_key, {"result_verdict", "result_message", "result_remedy", "result_details"}},
            {other_valid_key,
             {"result_verdict", "result_message", "result_details", "check_generation_note",
              "check_generation_button"}},
        };
        for (const auto& [key, expected] : tests) {
            host.field()->SetKeyText(key);
            click(host.test());
            BOOST_TEST_REQUIRE(
                pump_until([&] { return host.check()->GetState() == ui::KeyCheckPanel::State::result; }));
            pump_events();
            BOOST_TEST((host.dialog->GetSize() == before));  // the host's size: nothing had to grow
            for (const char* name : expected) {
                wxWindow* shown = find_window_by_name(host.panel, name);
                BOOST_TEST_REQUIRE(shown != nullptr, name);
                BOOST_TEST(is_visible(shown), name);
                // Squeezed by a sizer with too little room, a window keeps its place but loses lines or
                // words.
                BOOST_TEST(shown->GetSize().y >= shown->GetBestSize().y,
                           name << " is " << shown->GetSize().y << " high, needs " << shown->GetBestSize().y);
                BOOST_TEST(shown->GetSize().x >= shown->GetBestSize().x,
                           name << " is " << shown->GetSize().x << " wide, needs " << shown->GetBestSize().x);
                BOOST_TEST(inside(shown, host.panel, 0), name << " is outside the panel");
                BOOST_TEST(shown->GetScreenRect().GetBottom() < host.save()->GetScreenRect().GetTop(), name);
            }
            BOOST_TEST(inside(host.save(), host.panel, 0));
        }
    }
    {
        wxDialog dialog(nullptr, wxID_ANY, "Host settings");
        auto* pages = new wxNotebook(&dialog, wxID_ANY);
        wxWindow* panel = CreateApiKeyPanel(pages, options_for(fixture));
        pages->AddPage(panel, "API Keys and Secrets");
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(pages, wxSizerFlags(1).Expand().Border(wxALL, 8));
        dialog.SetSizerAndFit(sizer);
        dialog.Show();
        pump_events();
        auto* save = find_by_name<wxButton>(panel, "save_key_button");
        // Clear of the page's edges by the panel's own margin, as every other control of the page is.
        BOOST_TEST(inside(save, panel, panel->FromDIP(8)),
                   "Save at " << save->GetScreenRect().GetRight() << "," << save->GetScreenRect().GetBottom()
                              << " in a page ending at " << panel->GetScreenRect().GetRight() << ","
                              << panel->GetScreenRect().GetBottom());
    }
}

// A host that set no locale (LANG unset: the C library's "C", ASCII only): the panel's labels keep their
// "…", since its first call makes the character type UTF-8; the other categories stay the host's.
BOOST_AUTO_TEST_CASE(the_panel_keeps_its_words_when_the_host_set_no_locale) {
    AppFixture fixture;
    const std::string ctype_before = std::setlocale(LC_CTYPE, nullptr);
    const std::string numeric_before = std::setlocale(LC_NUMERIC, nullptr);
    BOOST_TEST_REQUIRE(std::setlocale(LC_CTYPE, "C") != nullptr);
    BOOST_TEST_REQUIRE(std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0);  // as a host without a locale
    {
        HostDialog host(options_for(fixture));
        auto* forget = find_by_name<wxButton>(host.panel, "forget_key_button");
        BOOST_TEST_REQUIRE(forget != nullptr);
        BOOST_TEST(forget->GetLabel() == wxString::FromUTF8("&Forget key…"));
        BOOST_TEST(std::string(nl_langinfo(CODESET)) == "UTF-8");
        BOOST_TEST(std::string(std::setlocale(LC_NUMERIC, nullptr)) == numeric_before);
    }
    std::setlocale(LC_CTYPE, ctype_before.c_str());
}

BOOST_AUTO_TEST_CASE(check_key_async_answers_on_the_ui_thread) {
    AppFixture fixture;
    fixture.point_settings_at_api();
    wxFrame owner(nullptr, wxID_ANY, "owner");
    std::optional<CheckResult> result;
    bool on_main_thread = false;
    CheckHandle handle =
        CheckKeyAsync(&owner, options_for(fixture), valid_key, [&](const CheckResult& answer) {
            on_main_thread = wxThread::IsMain();
            result = answer;
        });
    BOOST_TEST_REQUIRE(pump_until([&] { return result.has_value(); }));
    BOOST_TEST(on_main_thread);
    BOOST_TEST((result->status == Status::valid));
    BOOST_TEST(result->masked_key == mask_key(valid_key));
    BOOST_TEST(result->base_url == fixture.api().base_url() + "/v1");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
