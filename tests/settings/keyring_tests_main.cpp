#define BOOST_TEST_MODULE keyring_tests
#include <boost/test/unit_test.hpp>
