#define BOOST_TEST_MODULE content_tests
#include <boost/test/unit_test.hpp>
