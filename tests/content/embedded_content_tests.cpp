// What the build embedded: the content file parses, every page the wizard shows is there, every picture it
// names was rendered at 1x and 2x, every link is https, and the icon is drawable by nanosvg.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "images/wizard_content.h"

namespace content = keywizard::content;
namespace data = boost::unit_test::data;

namespace {

struct PngSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

std::uint32_t read_big_endian_32(std::span<const unsigned char> bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

// A PNG starts with an 8-byte signature, then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
std::optional<PngSize> png_size(std::span<const unsigned char> png) {
    static constexpr unsigned char signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png.size() < 24 || !std::equal(std::begin(signature), std::end(signature), png.begin()) ||
        std::string_view(reinterpret_cast<const char*>(png.data() + 12), 4) != "IHDR") {
        return std::nullopt;
    }
    return PngSize{read_big_endian_32(png.subspan(16, 4)), read_big_endian_32(png.subspan(20, 4))};
}

std::string_view as_text(std::span<const unsigned char> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

const char* const wizard_page_ids[] = {"start",      "create_account", "open_api_keys",
                                       "create_key", "paste_key",      "done"};

}  // namespace

BOOST_AUTO_TEST_SUITE(embedded_content_tests)

BOOST_AUTO_TEST_CASE(embedded_content_file_parses) {
    BOOST_REQUIRE_NO_THROW(content::wizard_content());
    BOOST_TEST(content::wizard_content().pages.size() == std::size(wizard_page_ids));
}

BOOST_DATA_TEST_CASE(every_wizard_page_has_a_title_and_an_instruction, data::make(wizard_page_ids), id) {
    const content::PageContent* page = content::wizard_content().page(id);
    BOOST_REQUIRE_MESSAGE(page != nullptr, "no page " << id);
    BOOST_TEST(page->id == id);
    BOOST_TEST(!page->title.empty());
    BOOST_TEST(!page->instruction.empty());
}

BOOST_AUTO_TEST_CASE(looking_up_an_unknown_page_gives_null) {
    BOOST_TEST(content::wizard_content().page("no_such_page") == nullptr);
}

BOOST_AUTO_TEST_CASE(every_named_image_is_embedded_at_1x_and_at_twice_that_size_for_2x) {
    int images_checked = 0;
    for (const auto& page : content::wizard_content().pages) {
        for (const auto& image : page.images) {
            BOOST_TEST_CONTEXT("page " << page.id << ", image " << image.name) {
                BOOST_TEST(!image.caption.empty());
                const auto at_1x = png_size(content::illustration_png(image.name, 1));
                const auto at_2x = png_size(content::illustration_png(image.name, 2));
                BOOST_REQUIRE_MESSAGE(at_1x.has_value(), "no 1x PNG");
                BOOST_REQUIRE_MESSAGE(at_2x.has_value(), "no 2x PNG");
                BOOST_TEST(at_1x->width > 0u);
                BOOST_TEST(at_1x->height > 0u);
                BOOST_TEST(at_2x->width == 2 * at_1x->width);
                BOOST_TEST(at_2x->height == 2 * at_1x->height);
                ++images_checked;
            }
        }
    }
    // Guards the loop above against passing because no page names a picture.
    BOOST_TEST(images_checked >= 8);
}

// The wizard shows every picture illustration_width DIP wide in a 16:10 frame: the build renders them at
// exactly that size, so nothing is resampled when they are shown.
BOOST_AUTO_TEST_CASE(illustrations_are_rendered_at_the_width_the_wizard_shows_them_in_16_by_10) {
    const auto width = static_cast<std::uint32_t>(content::illustration_width);
    int images_checked = 0;
    for (const auto& page : content::wizard_content().pages) {
        for (const auto& image : page.images) {
            BOOST_TEST_CONTEXT("page " << page.id << ", image " << image.name) {
                const auto size = png_size(content::illustration_png(image.name, 1));
                BOOST_REQUIRE(size.has_value());
                BOOST_TEST(size->width == width);
                BOOST_TEST(size->height == width * 10 / 16);
                ++images_checked;
            }
        }
    }
    BOOST_TEST(images_checked >= 8);
}

BOOST_AUTO_TEST_CASE(unknown_pictures_and_scales_give_no_bytes) {
    BOOST_TEST(content::illustration_png("no_such_picture", 1).empty());
    BOOST_TEST(content::illustration_png("openai_02_dashboard", 3).empty());
    BOOST_TEST(content::illustration_png("openai_02_dashboard", 0).empty());
    BOOST_TEST(!content::illustration_png("openai_02_dashboard", 2).empty());
}

BOOST_AUTO_TEST_CASE(every_link_is_https) {
    int links_checked = 0;
    for (const auto& page : content::wizard_content().pages) {
        for (const auto& link : page.links) {
            BOOST_TEST_CONTEXT("page " << page.id << ", link " << link.label) {
                BOOST_TEST(link.url.starts_with("https://"));
                BOOST_TEST(!link.label.empty());
                ++links_checked;
            }
        }
    }
    BOOST_TEST(links_checked > 0);
}

BOOST_AUTO_TEST_CASE(create_account_page_links_to_the_sign_up_page) {
    const content::PageContent* page = content::wizard_content().page("create_account");
    BOOST_REQUIRE(page != nullptr);
    bool found = false;
    for (const auto& link : page->links) {
        found = found || link.url == "https://auth.openai.com/create-account";
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(open_api_keys_page_warns_that_the_account_must_be_verified) {
    const content::PageContent* page = content::wizard_content().page("open_api_keys");
    BOOST_REQUIRE(page != nullptr);
    bool warned = false;
    for (const auto& notice : page->notices) {
        warned = warned || (notice.kind == content::NoticeKind::warning &&
                            notice.text.find("verif") != std::string::npos);
    }
    BOOST_TEST(warned);
}

// The guide's "Read only" advice would give a key that passes Test key and then cannot write text.
BOOST_AUTO_TEST_CASE(create_key_page_recommends_a_permission_that_can_write_text) {
    const content::PageContent* page = content::wizard_content().page("create_key");
    BOOST_REQUIRE(page != nullptr);
    bool recommended = false;
    for (const auto& notice : page->notices) {
        recommended = recommended || (notice.kind == content::NoticeKind::warning &&
                                      notice.text.find("Model capabilities: Request") != std::string::npos &&
                                      notice.text.find("cannot write text") != std::string::npos);
        BOOST_TEST(notice.text.find("Read only is the quickest") == std::string::npos);
    }
    BOOST_TEST(recommended);
}

BOOST_AUTO_TEST_CASE(app_icon_is_an_svg_without_text_or_css) {
    const std::string_view svg = as_text(content::app_icon_svg());
    BOOST_REQUIRE(!svg.empty());
    BOOST_TEST(svg.find("<svg") != std::string_view::npos);
    BOOST_TEST(svg.find("</svg>") != std::string_view::npos);
    // nanosvg (wxBitmapBundle::FromSVG) draws no text and ignores stylesheets and filters.
    BOOST_TEST(svg.find("<text") == std::string_view::npos);
    BOOST_TEST(svg.find("<style") == std::string_view::npos);
    BOOST_TEST(svg.find("style=") == std::string_view::npos);
    BOOST_TEST(svg.find("<filter") == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(app_icon_text_is_followed_by_a_nul_for_c_string_apis) {
    const auto svg = content::app_icon_svg();
    BOOST_REQUIRE(!svg.empty());
    BOOST_TEST(svg.back() != 0);
    BOOST_TEST(svg.data()[svg.size()] == 0);
}

BOOST_AUTO_TEST_SUITE_END()
