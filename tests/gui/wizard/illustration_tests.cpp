// Illustrations are crisp on HiDPI: each bundle holds a 1x and a true 2x bitmap, made from the embedded PNGs.
#include <boost/test/unit_test.hpp>

#include "images/wizard_content.h"
#include "wizard/pages/illustration_gallery.h"

using keywizard::ui::illustration_bundle;

BOOST_AUTO_TEST_SUITE(illustration_tests)

BOOST_AUTO_TEST_CASE(every_illustration_of_the_content_has_a_1x_and_a_2x_bitmap) {
    std::size_t checked = 0;
    for (const auto& page : keywizard::content::wizard_content().pages) {
        for (const auto& image : page.images) {
            const wxBitmapBundle bundle = illustration_bundle(image.name, 480);
            BOOST_TEST_REQUIRE(bundle.IsOk(), image.name);
            BOOST_TEST(bundle.GetDefaultSize().x == 480, image.name);
            // At 200% the bitmap is drawn from real pixels, not stretched from the 1x one.
            const wxBitmap twice = bundle.GetBitmap(bundle.GetDefaultSize() * 2);
            BOOST_TEST(twice.GetWidth() == 960, image.name);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 6u);
}

BOOST_AUTO_TEST_CASE(a_missing_illustration_gives_an_empty_bundle_not_a_crash) {
    BOOST_TEST(!illustration_bundle("no_such_picture", 480).IsOk());
}

BOOST_AUTO_TEST_SUITE_END()
