// The route the start page chooses: Next and Back follow it, so Back returns along the path taken.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <vector>

#include "tests/gui/wizard/wizard_test_fixture.h"  // printers for page ids
#include "wizard/pages/wizard_route.h"

using keywizard::ui::PageId;
using keywizard::ui::StartChoice;
using keywizard::ui::WizardRoute;

namespace keywizard::ui {
std::ostream& operator<<(std::ostream& out, StartChoice choice) {
    return out << static_cast<int>(choice);
}
}  // namespace keywizard::ui

namespace {

struct RouteCase {
    StartChoice choice;
    std::vector<PageId> pages;
};

std::ostream& operator<<(std::ostream& out, const RouteCase& c) {
    return out << "choice " << c.choice;
}

const RouteCase route_cases[] = {
    {StartChoice::need_account,
     {PageId::start, PageId::create_account, PageId::open_api_keys, PageId::create_key, PageId::paste_key,
      PageId::done}},
    {StartChoice::have_account,
     {PageId::start, PageId::open_api_keys, PageId::create_key, PageId::paste_key, PageId::done}},
    {StartChoice::have_key, {PageId::start, PageId::paste_key, PageId::done}},
    {StartChoice::env_key, {PageId::start, PageId::paste_key, PageId::done}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wizard_route_tests)

BOOST_DATA_TEST_CASE(next_walks_the_chosen_path_and_prev_walks_it_back, route_cases) {
    WizardRoute route(sample.choice);
    BOOST_TEST(route.pages() == sample.pages, boost::test_tools::per_element());
    for (std::size_t i = 0; i + 1 < sample.pages.size(); ++i) {
        BOOST_TEST(route.next(sample.pages[i]) == sample.pages[i + 1]);
        BOOST_TEST(route.prev(sample.pages[i + 1]) == sample.pages[i]);
    }
    BOOST_TEST(!route.prev(PageId::start).has_value());
    BOOST_TEST(!route.next(PageId::done).has_value());
}

BOOST_AUTO_TEST_CASE(a_skipped_page_is_off_the_path_both_ways) {
    WizardRoute route(StartChoice::have_key);
    BOOST_TEST(!route.contains(PageId::create_account));
    BOOST_TEST(!route.next(PageId::create_key).has_value());
    BOOST_TEST(route.prev(PageId::paste_key) == PageId::start);
}

BOOST_AUTO_TEST_CASE(changing_the_choice_changes_where_back_leads) {
    WizardRoute route(StartChoice::need_account);
    BOOST_TEST(route.prev(PageId::open_api_keys) == PageId::create_account);
    route.choose(StartChoice::have_account);
    BOOST_TEST(route.prev(PageId::open_api_keys) == PageId::start);
}

BOOST_AUTO_TEST_SUITE_END()
