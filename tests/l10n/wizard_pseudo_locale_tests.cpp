// The wizard under the pseudo-locale (tests/l10n/CMakeLists.txt runs it with LANGUAGE=pseudo): every string
// comes from the catalog accented, bracketed and 40 % longer, as translations often are. On every page, no
// text may be cut off: each label, button and link gets at least the size its text needs and lies inside
// its parent, and the wizard fits on the screen. Screenshots of each page go to
// <build>/tests/l10n/pseudo_screenshots/ for a person to look at.
#define BOOST_TEST_MODULE wizard_pseudo_locale_tests
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/collpane.h>
#include <wx/display.h>
#include <wx/frame.h>
#include <wx/hyperlink.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/gui/gui_test_support.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/app/app_locale.h"
#include "wizard/pages/key_wizard_dialog.h"
#include "wizard/widgets/wrapped_text.h"

KEYWIZARD_GUI_TEST_ENVIRONMENT();

namespace {

using namespace keywizard::test;
using keywizard::ui::PageId;

// As the app does at start (wizard/app/gui_main.cpp), from the build tree's catalogs.
struct PseudoLocale {
    PseudoLocale() {
        keywizard::ui::UseUserLocaleWithUtf8();
        keywizard::ui::UseKeywizardTranslations(KEYWIZARD_BUILD_LOCALE_DIR);
    }
};

bool shows_text(const wxWindow* window) {
    return dynamic_cast<const wxStaticText*>(window) != nullptr ||
           dynamic_cast<const wxButton*>(window) != nullptr ||
           dynamic_cast<const wxCheckBox*>(window) != nullptr ||
           dynamic_cast<const wxRadioButton*>(window) != nullptr ||
           dynamic_cast<const wxHyperlinkCtrl*>(window) != nullptr;
}

std::string describe(const wxWindow* window) {
    return wxString(window->GetClassInfo()->GetClassName()).utf8_string() + " \"" +
           window->GetName().utf8_string() + "\" (" + window->GetLabel().utf8_string().substr(0, 60) + ")";
}

// Every visible control with text below `root`: as large as its text needs, and inside its parent's area
// (the scrollable area for a scrolled window).
void check_nothing_cut_off(wxWindow* root, const std::string& page, int& checked) {
    for (wxWindow* child : root->GetChildren()) {
        // Hidden, or inside a collapsed pane (GTK keeps its children "shown" in a pane of no height).
        if (!is_visible(child) || child->GetClientSize().y <= 0 ||
            child->GetParent()->GetClientSize().y <= 0) {
            continue;
        }
        if (shows_text(child) && !child->GetLabel().empty()) {
            ++checked;
            const wxSize size = child->GetSize();
            const wxSize best = child->GetBestSize();
            BOOST_CHECK_MESSAGE(size.x >= best.x && size.y >= best.y,
                                page << ": " << describe(child) << " is " << size.x << "x" << size.y
                                     << " but its text needs " << best.x << "x" << best.y);
            const wxWindow* parent = child->GetParent();
            wxSize area = parent->GetClientSize();
            if (const auto* scrolled = dynamic_cast<const wxScrolledWindow*>(parent)) {
                area = scrolled->GetVirtualSize();
            }
            const wxRect rect = child->GetRect();
            BOOST_CHECK_MESSAGE(
                rect.x >= 0 && rect.y >= 0 && rect.GetRight() < area.x && rect.GetBottom() < area.y,
                page << ": " << describe(child) << " at " << rect.x << "," << rect.y << " " << rect.width
                     << "x" << rect.height << " leaves its parent's " << area.x << "x" << area.y);
        }
        check_nothing_cut_off(child, page, checked);
    }
}

// The wizard's pixels as the X server has them (ImageMagick's import, as tests/gui/screenshot_support does;
// that library and this harness cannot be linked together).
void save_screenshot(wxWindow* window, const std::filesystem::path& file) {
    window->Raise();
    window->Refresh();
    window->Update();
    pump_for(200ms);
    std::filesystem::create_directories(file.parent_path());
    const wxRect rect = window->GetScreenRect();
    const std::string command = "import -window root -crop " + std::to_string(rect.width) + "x" +
                                std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                                std::to_string(rect.y) + " '" + file.string() + "'";
    BOOST_CHECK_MESSAGE(std::system(command.c_str()) == 0, "could not save " << file);
}

void check_page(WizardFixture& fixture, const std::string& page) {
    auto& wizard = fixture.wizard();
    pump_for(100ms);
    const wxRect screen = wxDisplay(static_cast<unsigned>(wxDisplay::GetFromWindow(&wizard))).GetClientArea();
    BOOST_CHECK_MESSAGE(screen.Contains(wizard.GetScreenRect()),
                        page << ": the wizard (" << wizard.GetSize().x << "x" << wizard.GetSize().y
                             << ") does not fit on the " << screen.width << "x" << screen.height
                             << " screen");
    int checked = 0;
    check_nothing_cut_off(&wizard, page, checked);
    BOOST_TEST_MESSAGE(page << ": " << checked << " texts checked");
    BOOST_CHECK_GT(checked, 3);
    const std::filesystem::path out =
        std::filesystem::path(KEYWIZARD_SCREENSHOT_DIR) / ("pseudo_" + page + ".png");
    save_screenshot(&wizard, out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_pseudo_locale_tests)

BOOST_FIXTURE_TEST_CASE(catalog_is_the_pseudo_locale, PseudoLocale) {
    // A code string, a content-file string and a plural: each comes from the catalog, bracketed.
    BOOST_TEST(wxGetTranslation("Set up your OpenAI API key").utf8_string().starts_with("[Šéţ ûþ ýöûŕ"));
    BOOST_TEST(wxGetTranslation("Open the OpenAI website").utf8_string().starts_with("[Öþéñ ţĥé"));
    BOOST_TEST(wxPLURAL("Only the first %d byte was kept.", "Only the first %d bytes were kept.", 512)
                   .utf8_string()
                   .starts_with("[Öñĺý ţĥé ƒîŕšţ %d ƀýţéš"));
}

BOOST_FIXTURE_TEST_CASE(no_page_cuts_text_off, PseudoLocale) {
    WizardFixture fixture(true);
    auto& wizard = fixture.wizard();
    BOOST_REQUIRE(pump_until([&] { return wizard.StartFacts().has_value(); }, 10s));
    check_page(fixture, "start");
    for (PageId id : {PageId::create_account, PageId::open_api_keys, PageId::create_key, PageId::paste_key}) {
        wizard.ShowPage(wizard.PageFor(id), true);
        check_page(fixture, std::string(keywizard::ui::page_content_id(id)));
    }
    // The paste page's Advanced settings, opened as a click on its header does.
    auto* advanced = fixture.child<wxCollapsiblePane>("advanced_pane");
    BOOST_REQUIRE(advanced != nullptr);
    advanced->Collapse(false);
    wxCollapsiblePaneEvent event(advanced, advanced->GetId(), false);
    advanced->ProcessWindowEvent(event);
    check_page(fixture, "paste_key_advanced");
}

// The result of a check (with the Details open) and the done page: the texts made at run time, with values in
// them (the number of models, the request id, where the key was saved).
BOOST_FIXTURE_TEST_CASE(result_and_done_pages_cut_nothing_off, PseudoLocale) {
    const auto server = start_api(models_reply());
    WizardFixture fixture(false);
    fixture.open_paste_page(server.get());
    fixture.type_key(valid_key);
    fixture.press_test_key();
    BOOST_REQUIRE(fixture.wait_for_result());
    if (auto* details = fixture.child<wxCollapsiblePane>("result_details")) {
        details->Collapse(false);
        wxCollapsiblePaneEvent event(details, details->GetId(), false);
        details->ProcessWindowEvent(event);
    }
    check_page(fixture, "paste_key_valid");
    fixture.go_next();
    BOOST_REQUIRE(pump_until([&] { return fixture.current() == PageId::done; }, 20s));
    check_page(fixture, "done");
}

// A host that set up translations of its own keeps them (and the language it chose): our catalog is added to
// them, as RunSetupWizard() and CreateApiKeyPanel() do.
BOOST_AUTO_TEST_CASE(a_hosts_translations_are_kept) {
    auto* host = new wxTranslations;
    host->SetLanguage("pseudo");
    wxTranslations::Set(host);
    BOOST_TEST(!host->IsLoaded("keywizard"));
    keywizard::ui::UseKeywizardTranslations(KEYWIZARD_BUILD_LOCALE_DIR);
    BOOST_TEST(wxTranslations::Get() == host);
    BOOST_TEST(host->IsLoaded("keywizard"));
    BOOST_TEST(wxGetTranslation("Set up your OpenAI API key").utf8_string().starts_with("[Šéţ ûþ"));
    keywizard::ui::UseKeywizardTranslations(KEYWIZARD_BUILD_LOCALE_DIR);  // again: nothing changes
    BOOST_TEST(wxTranslations::Get() == host);
}

// Japanese has no spaces between words: a wrapped label still breaks into lines that fit, and never puts
// closing punctuation at the start of a line.
BOOST_AUTO_TEST_CASE(japanese_text_wraps_without_spaces) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "wrap");
    auto* label = new wxStaticText(frame, wxID_ANY, wxString());
    const wxString text = wxString::FromUTF8(
        "このアプリはOpenAIを使います。そのためにAPIキーが必要です。APIキーはパスワードのような長い秘密のコー"
        "ドで、"
        "このアプリがあなたのOpenAIアカウントを使えるようにします。");
    const int width = frame->FromDIP(200);
    keywizard::ui::set_wrapped_text(label, text, width);
    const wxArrayString lines = wxSplit(label->GetLabel(), '\n', '\0');
    BOOST_TEST(lines.size() > 2u);
    wxString joined;
    for (const wxString& line : lines) {
        joined += line;
        BOOST_TEST(frame->GetTextExtent(line).x <= width, line.utf8_string() << " is wider than " << width);
        BOOST_TEST(!line.StartsWith(wxString::FromUTF8("、")));
        BOOST_TEST(!line.StartsWith(wxString::FromUTF8("。")));
    }
    BOOST_TEST(joined == text);  // only line breaks were added
    frame->Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
