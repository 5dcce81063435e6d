#define BOOST_TEST_MODULE wizard_gui_tests
#include <boost/test/unit_test.hpp>

#include "tests/gui/gui_test_support.h"

KEYWIZARD_GUI_TEST_ENVIRONMENT();
