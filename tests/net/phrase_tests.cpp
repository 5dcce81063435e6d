// Messages written from {name} formats are put into a person's language where they are shown: the format is
// found again in the English, translated, and filled in with the same values (themselves translated).
#include <boost/test/unit_test.hpp>
#include <map>
#include <string>
#include <string_view>

#include "net/check_outcome.h"
#include "net/phrase.h"

namespace net = keywizard::net;

namespace {

// A small German catalog; what it lacks stays English, as with gettext.
const net::Wording& german() {
    static const std::map<std::string, std::string, std::less<>> catalog = {
        {"Saved the key in {location}", "Der Schlüssel wurde in {location} gespeichert"},
        {"{problem}; the key was not saved", "{problem}; der Schlüssel wurde nicht gespeichert"},
        {"the desktop keyring (Secret Service)", "dem Schlüsselbund des Desktops (Secret Service)"},
        {"The key works and can write text: the API lists {models} for it, and {model} accepted a test "
         "request.",
         "Der Schlüssel funktioniert und kann Text erzeugen: Die API listet {models} dafür auf, und {model} "
         "hat "
         "eine Testanfrage angenommen."},
    };
    static const net::Wording wording{
        [](std::string_view english) {
            const auto found = catalog.find(english);
            return found == catalog.end() ? std::string(english) : found->second;
        },
        [](std::string_view, std::string_view, unsigned long n) {
            return std::string(n == 1 ? "%lu Modell" : "%lu Modelle");
        },
    };
    return wording;
}

constexpr std::string_view formats[] = {"Saved the key in {location}", "{problem}; the key was not saved",
                                        "The key works and can write text: the API lists {models} for it, "
                                        "and {model} accepted a test request."};

}  // namespace

BOOST_AUTO_TEST_SUITE(phrases)

BOOST_AUTO_TEST_CASE(fill_then_find_the_same_values) {
    const std::string english = net::fill("Saved the key in {location}", {{"location", "/home/a (b)/.env"}});
    BOOST_TEST(english == "Saved the key in /home/a (b)/.env");
    const auto values = net::values_in("Saved the key in {location}", english);
    BOOST_REQUIRE(values.has_value());
    BOOST_TEST(values->at(0).second == "/home/a (b)/.env");
    BOOST_TEST(!net::values_in("Saved the key in {location}", "Removed the key from /x").has_value());
    BOOST_TEST(!net::values_in("Saved the key in {location}", "Saved the key in ").has_value());
}

BOOST_AUTO_TEST_CASE(a_placeholder_ends_where_the_rest_still_matches) {
    const auto values = net::values_in("{a} and {b})", "x and y) and z)");
    BOOST_REQUIRE(values.has_value());
    BOOST_TEST(values->at(0).second == "x");
    BOOST_TEST(values->at(1).second == "y) and z");
}

BOOST_AUTO_TEST_CASE(translated_with_values_translated_too) {
    const std::string english =
        net::fill(formats[1], {{"problem", net::fill(formats[0], {{"location",
                                                                   "the desktop keyring (Secret "
                                                                   "Service)"}})}});
    BOOST_TEST(
        net::in_words(english, formats, german()) ==
        "Der Schlüssel wurde in dem Schlüsselbund des Desktops (Secret Service) gespeichert; der Schlüssel "
        "wurde nicht gespeichert");
}

BOOST_AUTO_TEST_CASE(a_count_of_models_takes_the_languages_plural) {
    const std::string english =
        net::fill(formats[2], {{"models", net::models_text(57)}, {"model", "gpt-4o"}});
    BOOST_TEST(
        net::in_words(english, formats, german()) ==
        "Der Schlüssel funktioniert und kann Text erzeugen: Die API listet 57 Modelle dafür auf, und gpt-4o "
        "hat eine Testanfrage angenommen.");
}

BOOST_AUTO_TEST_CASE(text_no_format_matches_is_looked_up_whole_or_stays_english) {
    BOOST_TEST(net::in_words("the desktop keyring (Secret Service)", formats, german()) ==
               "dem Schlüsselbund des Desktops (Secret Service)");
    BOOST_TEST(net::in_words("Something else entirely", formats, german()) == "Something else entirely");
}

BOOST_AUTO_TEST_SUITE_END()
