// Walking the wizard: every path forward and back, Next held back on the paste page, the first-run skip,
// Escape and Cancel when nothing runs, the picture gallery, and the modal RunKeyWizard entry.
#include <boost/test/unit_test.hpp>

#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "settings/app_settings.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/pages/illustration_gallery.h"

using namespace keywizard::test;
using keywizard::ui::KeyWizardResult;
using keywizard::ui::PageId;

namespace {

void walk(WizardFixture& f, const std::vector<PageId>& forward) {
    BOOST_TEST_REQUIRE(f.current() == forward.front());
    for (std::size_t i = 1; i < forward.size(); ++i) {
        f.go_next();
        BOOST_TEST_REQUIRE(f.current() == forward[i]);
        BOOST_TEST(f.back_button()->IsEnabled());
    }
    for (std::size_t i = forward.size() - 1; i > 0; --i) {
        f.go_back();
        BOOST_TEST_REQUIRE(f.current() == forward[i - 1]);
    }
    BOOST_TEST(!f.back_button()->IsEnabled());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_navigation_tests)

BOOST_AUTO_TEST_CASE(need_account_path_visits_every_guide_page_and_back) {
    WizardFixture f;
    choose(f.child<wxRadioButton>("start_need_account"));
    walk(f, {PageId::start, PageId::create_account, PageId::open_api_keys, PageId::create_key,
             PageId::paste_key});
}

BOOST_AUTO_TEST_CASE(have_account_path_skips_account_creation_both_ways) {
    WizardFixture f;
    choose(f.child<wxRadioButton>("start_have_account"));
    walk(f, {PageId::start, PageId::open_api_keys, PageId::create_key, PageId::paste_key});
}

BOOST_AUTO_TEST_CASE(have_key_path_goes_straight_to_paste_and_back) {
    WizardFixture f;
    choose(f.child<wxRadioButton>("start_have_key"));
    walk(f, {PageId::start, PageId::paste_key});
}

BOOST_AUTO_TEST_CASE(changing_the_choice_after_going_back_changes_the_path) {
    WizardFixture f;
    choose(f.child<wxRadioButton>("start_need_account"));
    f.go_next();
    BOOST_TEST_REQUIRE(f.current() == PageId::create_account);
    f.go_back();
    choose(f.child<wxRadioButton>("start_have_key"));
    f.go_next();
    BOOST_TEST(f.current() == PageId::paste_key);
    f.go_back();
    BOOST_TEST(f.current() == PageId::start);
}

BOOST_AUTO_TEST_CASE(next_is_disabled_on_the_paste_page_until_a_key_tested_valid) {
    WizardFixture f;
    f.open_paste_page(nullptr);
    BOOST_TEST(!f.next_button()->IsEnabled());
    f.type_key(valid_key);
    BOOST_TEST(!f.next_button()->IsEnabled());  // well-formed is not tested
}

BOOST_AUTO_TEST_CASE(environment_key_choice_is_offered_only_when_the_variable_is_set) {
    {
        WizardFixture f;
        BOOST_TEST(f.child<wxRadioButton>("start_env_key") == nullptr);
    }
    WizardFixture f(false, false);
    ScopedEnvironment key{{"OPENAI_API_KEY", valid_key}};
    f.create(false);
    auto* radio = f.child<wxRadioButton>("start_env_key");
    BOOST_TEST_REQUIRE(radio != nullptr);
    BOOST_TEST(radio->GetValue());  // offered first and chosen
    // The label shows the masked key, never the whole key.
    const auto hint = f.child<wxStaticText>("start_env_key_hint")->GetLabel().utf8_string();
    BOOST_TEST(hint.find(valid_key) == std::string::npos);
    BOOST_TEST(hint.find("sk-proj-") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(skip_for_now_is_offered_on_first_run_only_and_is_remembered) {
    {
        WizardFixture f(false);
        BOOST_TEST(f.child<wxButton>("start_skip") == nullptr);
    }
    WizardFixture f(true);
    click(f.child<wxButton>("start_skip"));
    BOOST_TEST_REQUIRE(pump_until([&] { return !f.wizard().IsShown(); }));
    BOOST_TEST((f.wizard().Result() == KeyWizardResult::skipped));
    const auto settings = keywizard::settings::SettingsFile(f.config_dir()).load().settings;
    BOOST_TEST((settings.first_run == keywizard::settings::FirstRunState::skipped));
}

BOOST_AUTO_TEST_CASE(escape_when_nothing_runs_closes_the_wizard_as_cancelled) {
    WizardFixture f;
    press_key(f.child<wxRadioButton>("start_need_account"), WXK_ESCAPE);
    BOOST_TEST(pump_until([&] { return !f.wizard().IsShown(); }));
    BOOST_TEST((f.wizard().Result() == KeyWizardResult::cancelled));
    BOOST_TEST(f.wizard().GetReturnCode() == wxID_CANCEL);
}

BOOST_AUTO_TEST_CASE(gallery_steps_through_the_pictures_of_a_page) {
    WizardFixture f;
    choose(f.child<wxRadioButton>("start_have_account"));
    f.go_next();
    BOOST_TEST_REQUIRE(f.current() == PageId::open_api_keys);
    auto* page = f.wizard().PageFor(PageId::open_api_keys);
    auto* gallery = find_by_name<keywizard::ui::IllustrationGallery>(page, "illustration_gallery");
    BOOST_TEST_REQUIRE(gallery != nullptr);
    BOOST_TEST(gallery->GetCount() == 3u);
    auto* prev = find_by_name<wxButton>(page, "illustration_prev");
    auto* next = find_by_name<wxButton>(page, "illustration_next");
    BOOST_TEST(!prev->IsEnabled());
    click(next);
    click(next);
    BOOST_TEST(gallery->GetIndex() == 2u);
    BOOST_TEST(!next->IsEnabled());
    BOOST_TEST(find_by_name<wxStaticText>(page, "illustration_position")->GetLabel() == "Picture 3 of 3");
    click(prev);
    BOOST_TEST(gallery->GetIndex() == 1u);
}

BOOST_AUTO_TEST_CASE(a_page_is_built_when_it_is_first_reached) {
    WizardFixture f;
    BOOST_TEST(find_window_by_name(&f.wizard(), "start_page") != nullptr);
    BOOST_TEST(find_window_by_name(&f.wizard(), "paste_key_page") == nullptr);
    choose(f.child<wxRadioButton>("start_have_key"));
    f.go_next();
    BOOST_TEST_REQUIRE(f.current() == PageId::paste_key);
    BOOST_TEST(find_window_by_name(&f.wizard(), "paste_key_page") != nullptr);
    BOOST_TEST(find_window_by_name(&f.wizard(), "create_account_page") == nullptr);  // skipped
    BOOST_TEST(f.next_button()->GetLabel() == "&Next >");  // asked of the route, not of a built page
}

// The wizard has one page size (DIPs); a page's columns must fit in its width, its height scrolls.
BOOST_AUTO_TEST_CASE(every_page_fits_the_page_area_sideways) {
    WizardFixture f;
    for (PageId id : {PageId::start, PageId::create_account, PageId::open_api_keys, PageId::create_key,
                      PageId::done, PageId::paste_key}) {
        auto* page = f.wizard().PageFor(id);
        if (f.current() != id) {
            f.wizard().ShowPage(page, true);
        }
        pump_events();
        BOOST_TEST_REQUIRE(f.current() == id);
        auto* body = find_window_by_name(page, "page_body");
        BOOST_TEST_REQUIRE(body != nullptr);
        BOOST_TEST((page->GetSize() == f.wizard().GetPageSize()), keywizard::ui::page_content_id(id));
        BOOST_TEST(body->GetSizer()->GetMinSize().x <= body->GetClientSize().x,
                   keywizard::ui::page_content_id(id));
    }
}

BOOST_AUTO_TEST_CASE(run_key_wizard_is_modal_and_cancel_returns_cancelled) {
    TempConfigHome home;
    ScopedEnvironment no_key{{"OPENAI_API_KEY", std::nullopt}};
    bool saw_wizard = false;
    // Runs inside the wizard's modal loop: finds the dialog and presses its Cancel button.
    wxTheApp->CallAfter([&] {
        for (wxWindow* window : wxTopLevelWindows) {
            if (auto* wizard = dynamic_cast<keywizard::ui::KeyWizardDialog*>(window);
                wizard && wizard->IsModal()) {
                saw_wizard = wizard->CurrentPageId() == PageId::start;
                click(dynamic_cast<wxButton*>(wizard->FindWindow(wxID_CANCEL)));
            }
        }
    });
    keywizard::ui::KeyWizardOptions options;
    options.app.config_dir = home.config_dir();
    const auto result = keywizard::ui::RunKeyWizard(nullptr, options);
    BOOST_TEST(saw_wizard);
    BOOST_TEST((result == KeyWizardResult::cancelled));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(wizard_keyboard_tests)

BOOST_AUTO_TEST_CASE(tab_reaches_the_page_before_the_wizard_buttons) {
    WizardFixture f;
    for (PageId id : {PageId::start, PageId::create_account, PageId::paste_key, PageId::done}) {
        f.wizard().PageFor(id);  // built when first reached: build them all before counting positions
    }
    const auto& children = f.wizard().GetChildren();
    const auto position = [&](const wxWindow* window) {
        return std::distance(children.begin(), std::find(children.begin(), children.end(), window));
    };
    const auto back = position(f.back_button());
    BOOST_TEST_REQUIRE(back < static_cast<long>(children.size()));
    for (PageId id : {PageId::start, PageId::create_account, PageId::paste_key, PageId::done}) {
        BOOST_TEST(position(f.wizard().PageFor(id)) < back, keywizard::ui::page_content_id(id));
    }
    BOOST_TEST(position(f.back_button()) < position(f.next_button()));
    BOOST_TEST(position(f.next_button()) < position(f.cancel_button()));
}

BOOST_AUTO_TEST_CASE(every_control_of_the_paste_page_accepts_focus_from_the_keyboard) {
    WizardFixture f;
    f.open_paste_page(nullptr);
    f.type_key(valid_key);
    for (const char* name : {"key_text", "key_show_toggle", "key_paste_button", "test_key_button"}) {
        auto* control = f.child<wxWindow>(name);
        BOOST_TEST_REQUIRE(control != nullptr, name);
        BOOST_TEST(control->IsFocusable(), name);
    }
}

BOOST_AUTO_TEST_SUITE_END()
