#define BOOST_TEST_MODULE app_gui_tests
#include <boost/test/unit_test.hpp>

#include "tests/gui/gui_test_support.h"
#include "wizard/app/app_locale.h"

KEYWIZARD_GUI_TEST_ENVIRONMENT();

namespace {

// What the app's OnInit does before any window exists: without it, wxGTK's "C" locale turns labels such
// as "Configuration Editor…" into empty strings (and wx asserts on an empty menu label).
struct AppLocale {
    AppLocale() { keywizard::ui::UseUserLocaleWithUtf8(); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(AppLocale);
