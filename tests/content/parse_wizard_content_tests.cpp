// parse_wizard_content: what a well-formed content file turns into, and that every mistake in one is
// reported with the page and field it is in, so whoever edits the text can find it.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "images/wizard_content.h"

namespace content = keywizard::content;
namespace data = boost::unit_test::data;

namespace {

std::string with_pages(const std::string& pages) {
    return R"({"pages": [)" + pages + "]}";
}

// A page with only its required fields, and the same page with one extra field appended.
const std::string minimal_page = R"({"id": "p", "title": "T", "instruction": "I"})";
std::string page_with(const std::string& extra_field) {
    return R"({"id": "p", "title": "T", "instruction": "I", )" + extra_field + "}";
}

struct ParseErrorCase {
    std::string name;
    std::string json;
    std::vector<std::string> message_contains;  // where the mistake is, and what it is
};

std::ostream& operator<<(std::ostream& out, const ParseErrorCase& c) {
    return out << c.name;
}

const std::vector<ParseErrorCase> parse_error_cases = {
    {"not json", "{", {"not valid JSON"}},
    {"top level is a list", "[]", {"top level must be an object"}},
    {"no pages", "{}", {R"(missing field "pages")"}},
    {"empty pages", R"({"pages": []})", {R"("pages" must be a non-empty list)"}},
    {"unknown top-level field",
     R"({"pages": [)" + minimal_page + R"(], "page": []})",
     {R"(unknown field "page")"}},
    {"page is not an object", with_pages("1"), {"pages[0]", "must be an object"}},
    {"page without id",
     with_pages(R"({"title": "T", "instruction": "I"})"),
     {"pages[0]", R"(missing field "id")"}},
    {"page without title",
     with_pages(R"({"id": "p", "instruction": "I"})"),
     {R"(page "p")", R"(missing field "title")"}},
    {"empty instruction",
     with_pages(R"({"id": "p", "title": "T", "instruction": ""})"),
     {R"(page "p")", R"("instruction" must not be empty)"}},
    {"title is a number",
     with_pages(R"({"id": "p", "title": 3, "instruction": "I"})"),
     {R"(page "p")", R"("title" must be a string)"}},
    {"misspelt field", with_pages(page_with(R"("step": ["a"])")), {R"(page "p")", R"(unknown field "step")"}},
    {"steps is not a list",
     with_pages(page_with(R"("steps": "a")")),
     {R"(page "p")", R"("steps" must be a list)"}},
    {"step is not text",
     with_pages(page_with(R"("steps": ["a", 2])")),
     {R"(page "p")", "steps[1]", "non-empty string"}},
    {"link is not an object",
     with_pages(page_with(R"("links": ["https://openai.com"])")),
     {R"(page "p")", "links[0] must be an object"}},
    {"link without url",
     with_pages(page_with(R"("links": [{"label": "L"}])")),
     {R"(page "p")", "links[0]", R"(missing field "url")"}},
    {"plain http link",
     with_pages(page_with(R"("links": [{"label": "L", "url": "http://openai.com"}])")),
     {R"(page "p")", "links[0]", "must start with https://"}},
    {"unknown notice kind",
     with_pages(page_with(R"("notices": [{"kind": "fatal", "text": "N"}])")),
     {R"(page "p")", "notices[0]", R"(kind "fatal")", "info, warning, danger, success"}},
    {"notice without text",
     with_pages(page_with(R"("notices": [{"kind": "info"}])")),
     {R"(page "p")", "notices[0]", R"(missing field "text")"}},
    {"image name with a path",
     with_pages(page_with(R"("images": [{"name": "../x", "caption": "C"}])")),
     {R"(page "p")", "images[0]", R"(name "../x")"}},
    {"image without caption",
     with_pages(page_with(R"("images": [{"name": "x"}])")),
     {R"(page "p")", "images[0]", R"(missing field "caption")"}},
    {"two pages with one id",
     with_pages(minimal_page + ", " + minimal_page),
     {R"(page "p")", "more than one page"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(parse_wizard_content_tests)

BOOST_AUTO_TEST_CASE(page_with_only_required_fields_has_empty_lists) {
    const content::WizardContent parsed = content::parse_wizard_content(with_pages(minimal_page));
    BOOST_REQUIRE(parsed.pages.size() == 1u);
    const content::PageContent& page = parsed.pages[0];
    BOOST_TEST(page.id == "p");
    BOOST_TEST(page.title == "T");
    BOOST_TEST(page.instruction == "I");
    BOOST_TEST(page.steps.empty());
    BOOST_TEST(page.links.empty());
    BOOST_TEST(page.notices.empty());
    BOOST_TEST(page.images.empty());
}

BOOST_AUTO_TEST_CASE(every_field_of_a_full_page_is_read_in_order) {
    const content::WizardContent parsed = content::parse_wizard_content(with_pages(R"({
        "id": "create_key", "title": "Create a key", "instruction": "Do this.",
        "steps": ["First", "Second → third…"],
        "links": [{"label": "Keys", "url": "https://platform.openai.com/api-keys"}],
        "notices": [{"kind": "info", "text": "i"}, {"kind": "warning", "text": "w"},
                    {"kind": "danger", "text": "d"}, {"kind": "success", "text": "s"}],
        "images": [{"name": "openai_04_create_new_secret_key_button", "caption": "The button"}]
    })"));
    const content::PageContent* page = parsed.page("create_key");
    BOOST_REQUIRE(page != nullptr);
    BOOST_TEST(page->steps == (std::vector<std::string>{"First", "Second → third…"}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(page->links.size() == 1u);
    BOOST_TEST(page->links[0].label == "Keys");
    BOOST_TEST(page->links[0].url == "https://platform.openai.com/api-keys");
    BOOST_REQUIRE(page->notices.size() == 4u);
    BOOST_TEST((page->notices[0].kind == content::NoticeKind::info && page->notices[0].text == "i"));
    BOOST_TEST((page->notices[1].kind == content::NoticeKind::warning && page->notices[1].text == "w"));
    BOOST_TEST((page->notices[2].kind == content::NoticeKind::danger && page->notices[2].text == "d"));
    BOOST_TEST((page->notices[3].kind == content::NoticeKind::success && page->notices[3].text == "s"));
    BOOST_REQUIRE(page->images.size() == 1u);
    BOOST_TEST(page->images[0].name == "openai_04_create_new_secret_key_button");
    BOOST_TEST(page->images[0].caption == "The button");
}

BOOST_AUTO_TEST_CASE(pages_keep_the_order_of_the_file) {
    const content::WizardContent parsed = content::parse_wizard_content(with_pages(
        R"({"id": "b", "title": "T", "instruction": "I"}, {"id": "a", "title": "T", "instruction": "I"})"));
    BOOST_REQUIRE(parsed.pages.size() == 2u);
    BOOST_TEST(parsed.pages[0].id == "b");
    BOOST_TEST(parsed.pages[1].id == "a");
    BOOST_TEST(parsed.page("a") == &parsed.pages[1]);
}

BOOST_DATA_TEST_CASE(mistakes_are_reported_with_the_page_and_field, data::make(parse_error_cases), mistake) {
    std::string message;
    try {
        content::parse_wizard_content(mistake.json);
    } catch (const std::runtime_error& error) {
        message = error.what();
    }
    BOOST_REQUIRE_MESSAGE(!message.empty(), "no error for: " << mistake.json);
    for (const auto& expected : mistake.message_contains) {
        BOOST_TEST_CONTEXT("message: " << message) {
            BOOST_TEST(message.find(expected) != std::string::npos, "missing " << expected);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
