// The main window: menus, the stored key's state (masked, never whole), Test key of the stored key, and
// the Edit menu acting on the focused text field.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tooltip.h>

#include <functional>

#include "net/key_lint.h"
#include "tests/gui/app/app_test_fixture.h"
#include "wizard/app/app_ids.h"
#include "wizard/app/main_frame.h"
#include "wizard/widgets/key_check_panel.h"

using namespace keywizard::test;
using keywizard::settings::SecretBackend;

namespace {

// Every string the window tree shows or exposes: labels, names, tooltips, text values, and menu labels.
void collect_texts(wxWindow* window, std::vector<std::string>& texts) {
    texts.push_back(window->GetLabel().utf8_string());
    texts.push_back(window->GetName().utf8_string());
    if (wxToolTip* tip = window->GetToolTip()) {
        texts.push_back(tip->GetTip().utf8_string());
    }
    if (auto* entry = dynamic_cast<wxTextEntry*>(window)) {
        texts.push_back(entry->GetValue().utf8_string());
    }
    for (wxWindow* child : window->GetChildren()) {
        collect_texts(child, texts);
    }
}

std::vector<std::string> texts_of(wxFrame* frame) {
    std::vector<std::string> texts;
    collect_texts(frame, texts);
    texts.push_back(frame->GetTitle().utf8_string());
    wxMenuBar* bar = frame->GetMenuBar();
    for (size_t i = 0; i < bar->GetMenuCount(); ++i) {
        for (wxMenuItem* item : bar->GetMenu(i)->GetMenuItems()) {
            texts.push_back(item->GetItemLabel().utf8_string());
            texts.push_back(item->GetHelp().utf8_string());
        }
    }
    return texts;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& text) { return text.find(needle) != std::string::npos; });
}

wxString label_of(wxWindow* root, const wxString& name) {
    auto* text = find_by_name<wxStaticText>(root, name);
    return text ? text->GetLabel() : wxString("(no " + name + ")");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(main_window_tests)

BOOST_AUTO_TEST_CASE(menus_are_file_edit_settings_help_with_standard_ids) {
    AppFixture app;
    keywizard::ui::AppOptions options;
    options.no_first_run = true;
    wxMenuBar* bar = app.open_main_window(options)->GetMenuBar();

    BOOST_REQUIRE(bar->GetMenuCount() == 4u);
    BOOST_TEST(bar->GetMenuLabelText(0).utf8_string() == "File");
    BOOST_TEST(bar->GetMenuLabelText(1).utf8_string() == "Edit");
    BOOST_TEST(bar->GetMenuLabelText(2).utf8_string() == "Settings");
    BOOST_TEST(bar->GetMenuLabelText(3).utf8_string() == "Help");

    const auto item_in = [&](int menu, int id) { return bar->GetMenu(menu)->FindItem(id); };
    BOOST_TEST(item_in(0, wxID_EXIT) != nullptr);
    for (const int id : {wxID_CUT, wxID_COPY, wxID_PASTE, wxID_SELECTALL}) {
        BOOST_TEST(item_in(1, id) != nullptr, "Edit menu lacks id " << id);
    }
    wxMenuItem* editor = item_in(2, wxID_PREFERENCES);
    BOOST_REQUIRE(editor != nullptr);
    BOOST_TEST(editor->GetItemLabelText().utf8_string() == "Configuration Editor…");
    BOOST_TEST(item_in(3, keywizard::ui::ID_SETUP_KEY) != nullptr);
    BOOST_TEST(item_in(3, wxID_ABOUT) != nullptr);

    // Accelerators people expect from any app.
    BOOST_TEST(item_in(0, wxID_EXIT)->GetItemLabel().utf8_string().ends_with("\tCtrl+Q"));
    BOOST_TEST(item_in(1, wxID_COPY)->GetItemLabel().utf8_string().ends_with("\tCtrl+C"));
    BOOST_TEST(item_in(1, wxID_PASTE)->GetItemLabel().utf8_string().ends_with("\tCtrl+V"));
}

BOOST_AUTO_TEST_CASE(without_a_key_the_window_says_not_configured_and_offers_the_wizard) {
    AppFixture app;
    keywizard::ui::AppOptions options;
    options.no_first_run = true;
    keywizard::ui::MainFrame* frame = app.open_main_window(options);
    BOOST_TEST(label_of(frame, "key_headline").utf8_string() == "Not configured");
    BOOST_TEST(label_of(frame, "masked_key").utf8_string() == "None");
    auto* test_key = find_by_name<wxButton>(frame, "test_key_button");
    BOOST_TEST((test_key == nullptr || !is_visible(test_key)));
    auto* setup = dynamic_cast<wxButton*>(frame->FindWindow(keywizard::ui::ID_SETUP_KEY));
    BOOST_REQUIRE(setup != nullptr);
    BOOST_TEST(is_visible(setup));
}

BOOST_AUTO_TEST_CASE(the_window_shows_the_masked_key_and_never_the_whole_key) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::keyring);
    app.edit_settings([](keywizard::settings::AppSettings& settings) {
        settings.last_check_status = "valid";
        settings.last_check_reason = "ok";
        settings.last_check_time = "2025-03-04T05:06:07Z";
        settings.recheck_interval_hours = 0;  // no background re-check: this test is about what is shown
    });
    keywizard::ui::MainFrame* frame = app.open_main_window();

    BOOST_TEST(label_of(frame, "key_headline").utf8_string() == "Configured");
    BOOST_TEST(label_of(frame, "masked_key").utf8_string() == keywizard::net::mask_key(valid_key));
    BOOST_TEST(label_of(frame, "key_location").utf8_string() == app.stored_key().location);
    BOOST_TEST(label_of(frame, "last_check").StartsWith("Valid, 2025-03-0"));

    const std::vector<std::string> texts = texts_of(frame);
    BOOST_TEST(!any_contains(texts, valid_key));
    // Nor any stretch of it beyond what the mask shows (its prefix and last four characters).
    BOOST_TEST(!any_contains(texts, valid_key.substr(8, 12)));
    BOOST_TEST(!any_contains(texts, valid_key.substr(valid_key.size() - 12, 8)));
}

// The headline agrees with the last check: never the green "Configured" beside "Could not verify".
BOOST_AUTO_TEST_CASE(the_headline_agrees_with_the_last_check) {
    const std::pair<const char*, const char*> cases[] = {{"unverified", "Configured, not verified"},
                                                         {"rejected", "Configured, but rejected"},
                                                         {"limited", "Configured, with limits"},
                                                         {"valid", "Configured"}};
    for (const auto& [status, headline] : cases) {
        AppFixture app;
        app.store_key(valid_key, SecretBackend::keyring);
        app.edit_settings([status = status](keywizard::settings::AppSettings& settings) {
            settings.last_check_status = status;
            settings.last_check_reason = std::string(status) == "unverified" ? "connect" : "ok";
            settings.last_check_time = "2025-03-04T05:06:07Z";
            settings.recheck_interval_hours = 0;
        });
        keywizard::ui::MainFrame* frame = app.open_main_window();
        BOOST_TEST(label_of(frame, "key_headline").utf8_string() == headline, status);
        app.close_main_window();
    }
}

BOOST_AUTO_TEST_CASE(test_key_rechecks_the_stored_key_and_records_the_last_check) {
    AppFixture app;
    app.store_key(valid_key, SecretBackend::file);
    app.point_settings_at_api();
    keywizard::ui::MainFrame* frame = app.open_main_window();
    BOOST_TEST(label_of(frame, "last_check").utf8_string() == "Never checked");

    auto* panel = find_by_name<keywizard::ui::KeyCheckPanel>(frame, "key_check");
    BOOST_REQUIRE(panel != nullptr);
    click(find_by_name<wxButton>(frame, "test_key_button"));
    BOOST_REQUIRE(
        pump_until([&] { return panel->GetState() == keywizard::ui::KeyCheckPanel::State::result; }));

    BOOST_TEST(app.api_requests() == 1u);
    BOOST_TEST(app.last_key_sent() == valid_key);
    const auto outcome = panel->GetOutcome();
    BOOST_REQUIRE(outcome.has_value());
    BOOST_TEST((outcome->status == keywizard::net::KeyStatus::valid));

    BOOST_TEST(app.saved_settings().last_check_status == "valid");
    BOOST_TEST(app.saved_settings().last_check_reason == "ok");
    BOOST_TEST(pump_until([&] { return label_of(frame, "last_check").StartsWith("Valid, "); }),
               "last check shows " << label_of(frame, "last_check").utf8_string());

    // The result panel is part of the window now: it too shows the mask only.
    const std::vector<std::string> texts = texts_of(frame);
    BOOST_TEST(!any_contains(texts, valid_key));
    BOOST_TEST(!any_contains(texts, valid_key.substr(8, 12)));
}

BOOST_AUTO_TEST_CASE(test_key_shows_a_rejected_stored_key_as_rejected) {
    AppFixture app;
    app.store_key(rejected_key, SecretBackend::keyring);
    app.point_settings_at_api();
    keywizard::ui::MainFrame* frame = app.open_main_window();
    auto* panel = find_by_name<keywizard::ui::KeyCheckPanel>(frame, "key_check");
    click(find_by_name<wxButton>(frame, "test_key_button"));
    BOOST_REQUIRE(
        pump_until([&] { return panel->GetState() == keywizard::ui::KeyCheckPanel::State::result; }));
    BOOST_TEST((panel->GetOutcome()->reason == keywizard::net::Reason::invalid_api_key));
    BOOST_TEST(app.saved_settings().last_check_status == "rejected");
    BOOST_TEST(
        pump_until([&] { return label_of(frame, "last_check").StartsWith("Rejected (invalid_api_key), "); }));
}

BOOST_AUTO_TEST_CASE(edit_menu_commands_act_on_the_focused_text_field) {
    AppFixture app;
    keywizard::ui::AppOptions options;
    options.no_first_run = true;
    keywizard::ui::MainFrame* frame = app.open_main_window(options);
    // The main window has no text field of its own; a host app's would sit in the same window.
    auto* field = new wxTextCtrl(find_window_by_name(frame, "key_status"), wxID_ANY, "hello edit menu");
    frame->Raise();
    field->SetFocus();
    BOOST_REQUIRE(pump_until([&] { return wxWindow::FindFocus() == field; }));

    const auto run = [&](int id) {
        wxCommandEvent command(wxEVT_MENU, id);
        command.SetEventObject(frame);
        frame->ProcessWindowEvent(command);
        pump_events();
    };
    const auto enabled = [&](int id) {
        wxUpdateUIEvent update(id);
        update.SetEventObject(frame);
        frame->ProcessWindowEvent(update);
        return update.GetEnabled();
    };

    field->SetSelection(0, 0);
    BOOST_TEST(!enabled(wxID_COPY));  // nothing selected
    BOOST_TEST(enabled(wxID_SELECTALL));
    run(wxID_SELECTALL);
    BOOST_TEST(field->GetStringSelection().utf8_string() == "hello edit menu");
    BOOST_TEST(enabled(wxID_CUT));
    run(wxID_CUT);
    BOOST_TEST(field->GetValue().empty());
    BOOST_TEST(enabled(wxID_PASTE));
    run(wxID_PASTE);
    BOOST_TEST(pump_until([&] { return field->GetValue() == "hello edit menu"; }),
               "after Paste the field holds \"" << field->GetValue().utf8_string() << "\"");
}

BOOST_AUTO_TEST_SUITE_END()
