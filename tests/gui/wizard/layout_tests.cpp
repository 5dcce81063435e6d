// What a new user tripped on in the layout: a result hidden below the fold, pages that open scrolled down,
// and a link that cannot be opened. Also run with 1.5x text (wizard_gui_tests_large_text), where pages
// are taller than the screen allows and scroll.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/collpane.h>
#include <wx/dataobj.h>
#include <wx/dialog.h>
#include <wx/display.h>
#include <wx/hyperlink.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/widgets/link_opener.h"

namespace keywizard::test {
namespace {

// As a click on the pane's header does: expand or collapse, then tell the page.
void set_expanded(wxCollapsiblePane* pane, bool expanded) {
    pane->Collapse(!expanded);
    wxCollapsiblePaneEvent event(pane, pane->GetId(), !expanded);
    pane->ProcessWindowEvent(event);
    pump_events();
}

std::string clipboard_text() {
    std::string text;
    if (wxTheClipboard->Open()) {
        wxTextDataObject data;
        if (wxTheClipboard->GetData(data)) {
            text = data.GetText().utf8_string();
        }
        wxTheClipboard->Close();
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_tests)

BOOST_AUTO_TEST_CASE(every_page_opens_at_its_top) {
    WizardFixture f;
    BOOST_REQUIRE(pump_until([&] { return f.start_facts().has_value(); }));
    BOOST_TEST(f.page(ui::PageId::start)->GetBodyScrollY() == 0);
    for (ui::PageId id : {ui::PageId::create_account, ui::PageId::open_api_keys, ui::PageId::create_key,
                          ui::PageId::paste_key}) {
        f.wizard().ShowPage(f.page(id), true);
        pump_events();
        pump_events();  // the page's CallAfter, once the wizard placed the focus
        BOOST_TEST(f.page(id)->GetBodyScrollY() == 0, id);
    }
}

// Run again on a 1366x768 screen with 1.5x text (wizard_gui_tests_small_screen): the dialog fits the screen
// (wx shrinks a larger one to it) and Back, Next and Cancel stay whole inside it; what is taller than the
// page scrolls inside it.
BOOST_AUTO_TEST_CASE(the_wizard_and_its_buttons_fit_on_the_screen) {
    WizardFixture f;
    pump_events();
    const int display = wxDisplay::GetFromWindow(&f.wizard());
    const wxRect screen =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    const wxRect dialog = f.wizard().GetScreenRect();
    BOOST_TEST_MESSAGE("wizard " << dialog.width << "x" << dialog.height << ", screen " << screen.width << "x"
                                 << screen.height);
    BOOST_TEST(dialog.width <= screen.width);
    BOOST_TEST(dialog.height <= screen.height);
    const wxRect inside(f.wizard().GetClientAreaOrigin() + f.wizard().GetScreenPosition(),
                        f.wizard().GetClientSize());
    for (wxButton* button : {f.back_button(), f.next_button(), f.cancel_button()}) {
        BOOST_TEST_REQUIRE(button != nullptr);
        BOOST_TEST(inside.Contains(button->GetScreenRect()), button->GetLabelText().utf8_string()
                                                                 << " at " << button->GetScreenRect().x << ","
                                                                 << button->GetScreenRect().y
                                                                 << " outside the dialog");
    }
}

BOOST_AUTO_TEST_CASE(a_result_is_scrolled_into_view_when_advanced_is_open) {
    auto server = start_api(models_reply());
    WizardFixture f;
    settings::KeyStorage(f.config_dir()).forget_key();
    f.open_paste_page(server.get());
    set_expanded(f.child<wxCollapsiblePane>("advanced_pane"), true);
    // The person is down in Advanced (the body scrolled to its end) when the test ends.
    auto* body = dynamic_cast<wxScrolledWindow*>(f.page(ui::PageId::paste_key)->FindWindow("page_body"));
    BOOST_TEST_REQUIRE(body != nullptr);
    body->Scroll(0, 10000);
    f.type_key(valid_key);
    f.press_test_key();
    BOOST_TEST_REQUIRE(f.wait_for_result());
    pump_events();
    wxWindow* result = f.child<wxWindow>("check_result");
    const wxRect in_body(body->ScreenToClient(result->GetScreenPosition()), result->GetSize());
    BOOST_TEST(in_body.y >= 0);
    BOOST_TEST(in_body.y < body->GetClientSize().y);
}

BOOST_AUTO_TEST_CASE(a_link_with_no_browser_offers_the_link_to_copy) {
    WizardFixture f;
    // A guide page with links; pages are built when reached, so this is the only page with one.
    f.wizard().ShowPage(f.page(ui::PageId::open_api_keys), true);
    pump_events();
    auto* link = f.child<wxHyperlinkCtrl>("page_link");
    BOOST_TEST_REQUIRE(link != nullptr);
    std::vector<wxString> tried;
    ui::set_browser_launcher([&](const wxString& url) {
        tried.push_back(url);
        return false;  // no browser here
    });
    wxString shown;
    std::string copied;
    // The fallback is modal: look at it from inside its own event loop.
    std::function<void()> inspect = [&] {
        auto* dialog = dynamic_cast<wxDialog*>(wxWindow::FindWindowByName(ui::link_fallback_name));
        if (dialog == nullptr || !dialog->IsModal()) {
            wxTheApp->CallAfter(inspect);
            return;
        }
        shown = find_by_name<wxTextCtrl>(dialog, "link_fallback_url")->GetValue();
        click(find_by_name<wxButton>(dialog, "link_fallback_copy"));
        copied = clipboard_text();
        dialog->EndModal(wxID_CLOSE);
    };
    wxTheApp->CallAfter(inspect);
    wxHyperlinkEvent clicked(link, link->GetId(), link->GetURL());
    link->GetEventHandler()->ProcessEvent(clicked);
    ui::set_browser_launcher({});
    BOOST_TEST(tried.size() == 1u);
    BOOST_TEST(shown == link->GetURL());
    BOOST_TEST(copied == link->GetURL().utf8_string());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
