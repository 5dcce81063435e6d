// Illustrations are crisp on HiDPI: each bundle holds a 1x and a true 2x bitmap, made from the embedded PNGs.
// Pictures are decoded when their page is first shown, not when the wizard is built: every page still shows
// its pictures at the picture column's size, and no page or picture changes size when that happens.
#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/statbmp.h>

#include <map>
#include <ostream>
#include <vector>

#include "images/wizard_content.h"
#include "tests/gui/wizard/wizard_test_fixture.h"
#include "wizard/pages/content_view.h"
#include "wizard/pages/illustration_gallery.h"

// So Boost.Test can print sizes in failed checks (found by argument-dependent lookup: wxSize is global).
static std::ostream& operator<<(std::ostream& out, const wxSize& size) {
    return out << size.x << "x" << size.y;
}

using namespace keywizard::test;
using keywizard::ui::illustration_bundle;
using keywizard::ui::PageId;

namespace {

constexpr int shown_width = keywizard::ui::picture_column_dip;

// The size every picture is shown at (all sources are 16:10).
wxSize picture_size(const wxWindow* window) {
    return window->FromDIP(wxSize(shown_width, shown_width * 10 / 16));
}

wxStaticBitmap* picture_of(wxWindow* page) {
    return find_by_name<wxStaticBitmap>(page, "illustration");
}

// What a page's picture and the wizard measure, to prove nothing moves when a picture is first drawn.
// The page's own size means nothing before it is first shown (hidden pages are laid out when shown, and
// GTK measures their labels again then): the wizard's size and the picture's do.
struct Geometry {
    wxSize wizard;
    wxSize picture;
    bool operator==(const Geometry&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Geometry& g) {
    return out << "wizard " << g.wizard << ", picture " << g.picture;
}

Geometry geometry_of(WizardFixture& f, PageId id) {
    wxWindow* page = f.page(id);
    const wxStaticBitmap* picture = picture_of(page);
    return {f.wizard().GetSize(), picture ? picture->GetBestSize() : wxSize()};
}

void check_shows_a_picture_at_the_column_size(WizardFixture& f, PageId id) {
    BOOST_TEST_CONTEXT("page " << id) {
        wxWindow* page = f.page(id);
        const wxStaticBitmap* picture = picture_of(page);
        BOOST_TEST_REQUIRE(picture != nullptr);
        BOOST_TEST(is_visible(picture));
        const wxBitmap bitmap = picture->GetBitmap();
        BOOST_TEST_REQUIRE(bitmap.IsOk());
        BOOST_TEST(bitmap.GetLogicalSize() == picture_size(page));
    }
}

void check_geometry_unchanged(WizardFixture& f, PageId id, const Geometry& before) {
    BOOST_TEST_CONTEXT("page " << id) {
        BOOST_TEST(geometry_of(f, id) == before);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(illustration_tests)

BOOST_AUTO_TEST_CASE(every_illustration_of_the_content_has_a_1x_and_a_2x_bitmap) {
    std::size_t checked = 0;
    for (const auto& page : keywizard::content::wizard_content().pages) {
        for (const auto& image : page.images) {
            const wxBitmapBundle bundle = illustration_bundle(image.name, shown_width);
            BOOST_TEST_REQUIRE(bundle.IsOk(), image.name);
            BOOST_TEST(bundle.GetDefaultSize() == wxSize(shown_width, shown_width * 10 / 16), image.name);
            BOOST_TEST(bundle.GetBitmap(bundle.GetDefaultSize()).GetWidth() == shown_width, image.name);
            // At 200% the bitmap is drawn from real pixels, not stretched from the 1x one.
            const wxBitmap twice = bundle.GetBitmap(bundle.GetDefaultSize() * 2);
            BOOST_TEST(twice.GetWidth() == 2 * shown_width, image.name);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 6u);
}

BOOST_AUTO_TEST_CASE(a_width_the_build_did_not_render_is_scaled_from_the_embedded_pictures) {
    const wxBitmapBundle bundle = illustration_bundle("openai_03_api_keys", 320);
    BOOST_TEST_REQUIRE(bundle.IsOk());
    BOOST_TEST(bundle.GetDefaultSize() == wxSize(320, 200));
    BOOST_TEST(bundle.GetBitmap(wxSize(320, 200)).GetSize() == wxSize(320, 200));
    BOOST_TEST(bundle.GetBitmap(wxSize(640, 400)).GetSize() == wxSize(640, 400));
}

BOOST_AUTO_TEST_CASE(a_missing_illustration_gives_an_empty_bundle_not_a_crash) {
    BOOST_TEST(!illustration_bundle("no_such_picture", shown_width).IsOk());
}

BOOST_AUTO_TEST_CASE(every_guide_page_shows_each_picture_at_the_column_size_forward_and_back) {
    WizardFixture f;
    const std::vector<PageId> guides{PageId::create_account, PageId::open_api_keys, PageId::create_key};
    std::map<PageId, Geometry> before;
    for (PageId id : guides) {
        before[id] = geometry_of(f, id);
        // Nothing decoded for a page nobody has seen yet.
        auto* gallery = find_by_name<keywizard::ui::IllustrationGallery>(f.page(id), "illustration_gallery");
        BOOST_TEST_REQUIRE(gallery != nullptr);
        BOOST_TEST(!gallery->DrawsPictures(), page_content_id(id));
    }
    choose(f.child<wxRadioButton>("start_need_account"));
    for (PageId id : guides) {
        f.go_next();
        BOOST_TEST_REQUIRE(f.current() == id);
        check_shows_a_picture_at_the_column_size(f, id);
        check_geometry_unchanged(f, id, before[id]);
        // The gallery's other pictures, one by one.
        auto* page = f.page(id);
        auto* gallery = find_by_name<keywizard::ui::IllustrationGallery>(page, "illustration_gallery");
        BOOST_TEST_REQUIRE(gallery != nullptr);
        for (std::size_t i = 1; i < gallery->GetCount(); ++i) {
            click(find_by_name<wxButton>(page, "illustration_next"));
            BOOST_TEST(gallery->GetIndex() == i);
            check_shows_a_picture_at_the_column_size(f, id);
            check_geometry_unchanged(f, id, before[id]);
        }
    }
    for (auto id = guides.rbegin() + 1; id != guides.rend(); ++id) {
        f.go_back();
        BOOST_TEST_REQUIRE(f.current() == *id);
        check_shows_a_picture_at_the_column_size(f, *id);
        check_geometry_unchanged(f, *id, before[*id]);
    }
}

BOOST_AUTO_TEST_CASE(the_done_page_shows_its_picture_when_it_is_reached_last) {
    WizardFixture f;
    const Geometry before = geometry_of(f, PageId::done);
    BOOST_TEST_REQUIRE(picture_of(f.page(PageId::done)) != nullptr);
    f.wizard().ShowPage(f.page(PageId::done), true);
    pump_events();
    BOOST_TEST_REQUIRE(f.current() == PageId::done);
    check_shows_a_picture_at_the_column_size(f, PageId::done);
    check_geometry_unchanged(f, PageId::done, before);
}

BOOST_AUTO_TEST_SUITE_END()
