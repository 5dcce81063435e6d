// Text and links are readable (WCAG AA, 4.5:1) as drawn: the X server's pixels of each kind of text the
// wizard shows, measured against the colour behind them. Run twice by ctest: in the default (light) theme
// and under GTK_THEME=Adwaita:dark (wizard_gui_tests_dark), where the theme's own grey and link blue fell
// short.
#include <boost/test/unit_test.hpp>

#include <wx/hyperlink.h>
#include <wx/image.h>
#include <wx/settings.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/widgets/notice_box.h"
#include "wizard/widgets/readable_colours.h"

namespace keywizard::test {
namespace {

bool dark_theme_asked() {
    const char* theme = std::getenv("GTK_THEME");
    return theme != nullptr && std::string(theme).find(":dark") != std::string::npos;
}

// `window`'s pixels as the X server holds them (Xvfb has no compositor: what is there is what was drawn).
wxImage capture(wxWindow* window) {
    window->Refresh();
    window->Update();
    pump_events();
    const double scale = window->GetContentScaleFactor();
    const wxRect logical = window->GetScreenRect();
    const auto file = std::filesystem::temp_directory_path() /
                      ("keywizard-contrast-" + std::to_string(::getpid()) + ".png");
    const std::string command = "import -window root -crop " + std::to_string(int(logical.width * scale)) +
                                "x" + std::to_string(int(logical.height * scale)) + "+" +
                                std::to_string(int(logical.x * scale)) + "+" +
                                std::to_string(int(logical.y * scale)) + " +repage '" + file.string() + "'";
    BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
    wxImage image(wxString(file.string()), wxBITMAP_TYPE_PNG);
    std::filesystem::remove(file);
    return image;
}

struct Rendered {
    wxColour background;  // the most common colour
    wxColour text;        // the pixel farthest from it
    double ratio = 1;
    int text_pixels = 0;  // pixels that differ from the background: something was drawn
};

Rendered measure(const wxImage& image) {
    std::map<unsigned long, int> counts;
    const unsigned char* rgb = image.GetData();
    const int pixels = image.GetWidth() * image.GetHeight();
    for (int i = 0; i < pixels; ++i) {
        ++counts[(rgb[3 * i] << 16) | (rgb[3 * i + 1] << 8) | rgb[3 * i + 2]];
    }
    Rendered rendered;
    unsigned long most = 0;
    int most_count = 0;
    for (const auto& [colour, count] : counts) {
        if (count > most_count) {
            most = colour;
            most_count = count;
        }
    }
    rendered.background = wxColour((most >> 16) & 0xff, (most >> 8) & 0xff, most & 0xff);
    rendered.text_pixels = pixels - most_count;
    for (const auto& [colour, count] : counts) {
        const wxColour candidate((colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff);
        if (const double ratio = ui::contrast_ratio(candidate, rendered.background); ratio > rendered.ratio) {
            rendered.ratio = ratio;
            rendered.text = candidate;
        }
    }
    return rendered;
}

// Measures `name` (a child of `page`, shown): fails the test below 4.5:1.
void check_readable(WizardFixture& f, ui::PageId page, const wxString& name) {
    wxWindow* window = find_window_by_name(f.page(page), name);
    BOOST_TEST_REQUIRE(window != nullptr, name);
    BOOST_TEST_REQUIRE(is_visible(window), name);
    Rendered rendered;
    // Drawn by the next paint: wait for the pixels to be there rather than for a time.
    pump_until([&] { return (rendered = measure(capture(window))).text_pixels > 20; }, 5s);
    BOOST_TEST(rendered.text_pixels > 20, name << ": nothing drawn");
    BOOST_TEST(rendered.ratio >= 4.5, name << ": " << rendered.text.GetAsString(wxC2S_HTML_SYNTAX) << " on "
                                           << rendered.background.GetAsString(wxC2S_HTML_SYNTAX) << " is "
                                           << rendered.ratio << ":1");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(contrast_tests)

BOOST_AUTO_TEST_CASE(the_theme_asked_for_is_the_one_drawn) {
    BOOST_TEST(wxSystemSettings::GetAppearance().IsDark() == dark_theme_asked());
}

BOOST_AUTO_TEST_CASE(hints_links_captions_and_notices_reach_4_5_to_1) {
    auto good = start_api(models_reply());
    WizardFixture f;
    settings::KeyStorage(f.config_dir()).forget_key();
    BOOST_REQUIRE(pump_until([&] { return f.start_facts().has_value(); }));
    check_readable(f, ui::PageId::start, "start_need_account_hint");  // the theme's grey, on the window

    f.wizard().ShowPage(f.page(ui::PageId::open_api_keys), true);
    pump_events();
    check_readable(f, ui::PageId::open_api_keys, "page_link");
    check_readable(f, ui::PageId::open_api_keys, "page_notice_text");
    check_readable(f, ui::PageId::open_api_keys, "illustration_caption");
    // A notice is a tint of the window's own colour: no light pastel in a dark theme.
    auto* notice = find_by_name<ui::NoticeBox>(f.page(ui::PageId::open_api_keys), "page_notice");
    BOOST_TEST_REQUIRE(notice != nullptr);
    BOOST_TEST(ui::contrast_ratio(notice->GetBackgroundColour(), notice->GetParent()->GetBackgroundColour()) <
               2.0);  // a light pastel on a dark window is over 8:1

    f.wizard().ShowPage(f.page(ui::PageId::start), false);
    f.start_key_test(good.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    check_readable(f, ui::PageId::paste_key, "result_models_label");  // the grey field captions of a result
}

BOOST_AUTO_TEST_CASE(a_remedy_link_reaches_4_5_to_1) {
    auto rejected = start_api(invalid_key_reply());
    WizardFixture f;
    f.start_key_test(rejected.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    check_readable(f, ui::PageId::paste_key, "result_remedy");
}

BOOST_AUTO_TEST_CASE(the_contrast_ratio_is_wcags) {
    BOOST_TEST(ui::contrast_ratio(*wxBLACK, *wxWHITE) == 21.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(ui::contrast_ratio(wxColour(0x76, 0x76, 0x76), *wxWHITE) > 4.5);  // the lightest AA grey
    BOOST_TEST(ui::contrast_ratio(wxColour(0x77, 0x77, 0x77), *wxWHITE) < 4.5);
    const wxColour dark_window(0x35, 0x35, 0x35);
    const wxColour lifted = ui::with_contrast(wxColour(0x3f, 0x8a, 0xe5), dark_window, *wxWHITE, 4.8);
    BOOST_TEST(ui::contrast_ratio(lifted, dark_window) >= 4.8);
    BOOST_TEST(ui::contrast_ratio(lifted, dark_window) < 5.0);  // just far enough: the hue stays
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
