// Everything printed that came from outside is stripped of controls, bidi and separator characters, and
// a proxy URL's credentials are masked.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <ostream>
#include <string>

#include "net/models_check.h"
#include "net/printable_text.h"
#include "net/server_text.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"

using keywizard::net::KeyStatus;
using keywizard::net::Reason;
using namespace keywizard::test;

namespace {

struct TextCase {
    std::string input;
    std::string expected;
};

std::ostream& operator<<(std::ostream& out, const TextCase& c) {
    return out << keywizard::net::printable_text(c.input);  // never print the raw escapes themselves
}

const TextCase printable_cases[] = {
    {"https://api.example.com/v1", "https://api.example.com/v1"},
    {"caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x94\x91",
     "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x94\x91"},
    {"\x1B[31mred\x1B[0m", "?[31mred?[0m"},  // terminal escapes
    {"a\rb\nc\td\x7F"
     "e",
     "a?b?c?d?e"},  // C0 and DEL
    {"x\xC2\x9B"
     "31m",
     "x?31m"},                                                     // C1 CSI (U+009B)
    {"org-\xE2\x80\xAEtxt.exe", "org-?txt.exe"},                   // U+202E right-to-left override
    {"\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", "????"},  // U+202A-U+202D
    {"\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", "????"},  // U+2066-U+2069 isolates
    {"\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", "???"},                   // LRM, RLM, Arabic letter mark
    {"one\xE2\x80\xA8two\xE2\x80\xA9three", "one?two?three"},      // line and paragraph separators
    {"in\xE2\x80\x8Bvisible\xEF\xBB\xBF", "in?visible?"},          // zero-width space, BOM
    {"tag\xF3\xA0\x80\x81", "tag?"},                               // U+E0001 language tag
    {"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB",               // emoji with a zero-width joiner: kept
     "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB"},
    {"bad\xFF\xC0\xAF", "bad???"},  // invalid UTF-8, overlong '/'
};

struct UrlCase {
    std::string input;
    std::string expected;
};

std::ostream& operator<<(std::ostream& out, const UrlCase& c) {
    return out << c.expected;  // the input holds the secret being masked
}

const UrlCase url_cases[] = {
    {"http://user:secret@proxy.example:3128", "http://user:***@proxy.example:3128"},
    {"https://user:secret@proxy.example:3128/path", "https://user:***@proxy.example:3128/path"},
    {"http://tokenonly@proxy.example", "http://***@proxy.example"},
    {"user:secret@proxy.example:3128", "user:***@proxy.example:3128"},  // libcurl accepts no scheme
    {"http://a:b@c@proxy.example", "http://a:***@proxy.example"},       // '@' in the password
    {"http://:secret@proxy.example", "http://***@proxy.example"},
    {"socks5h://u:p@127.0.0.1:1080", "socks5h://u:***@127.0.0.1:1080"},
    {"http://proxy.example:3128", "http://proxy.example:3128"},
    {"https://host/path@not-userinfo", "https://host/path@not-userinfo"},
    {"https://host?q=a@b", "https://host?q=a@b"},
    {"not a url", "not a url"},
    {"", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(printable_text_tests)

BOOST_DATA_TEST_CASE(printable_text_replaces_controls_bidi_separators_and_invisible_characters,
                     boost::unit_test::data::make(printable_cases), c) {
    BOOST_TEST(keywizard::net::printable_text(c.input) == c.expected);
}

BOOST_DATA_TEST_CASE(mask_url_credentials_masks_passwords_and_bare_user_tokens,
                     boost::unit_test::data::make(url_cases), c) {
    const auto masked = keywizard::net::mask_url_credentials(c.input);
    BOOST_TEST(masked == c.expected);
    BOOST_TEST(masked.find("secret") == std::string::npos);
}

BOOST_DATA_TEST_CASE(server_text_drops_bidi_and_invisible_characters_and_breaks_no_lines,
                     boost::unit_test::data::make(printable_cases), c) {
    const auto shown = keywizard::net::displayable_server_text(c.input);
    for (const char* forbidden :
         {"\x1B", "\r", "\n", "\xC2\x9B", "\xE2\x80\xAE", "\xE2\x80\xAA", "\xE2\x81\xA6", "\xE2\x81\xA9",
          "\xE2\x80\x8E", "\xE2\x80\x8F", "\xD8\x9C", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x8B",
          "\xEF\xBB\xBF", "\xF3\xA0\x80\x81"}) {
        BOOST_TEST(shown.find(forbidden) == std::string::npos, keywizard::net::printable_text(shown));
    }
}

BOOST_AUTO_TEST_CASE(a_key_split_by_zero_width_spaces_is_still_redacted) {
    const std::string split =
        // Split literals: a hex escape would otherwise swallow the letters a-f after it.
        "key sk-proj-\xE2\x80\x8B"
        "abcdefghij\xE2\x80\x8B"
        "klmnopqrst\xE2\x80\x8B"
        "uvwxyz0123";
    const auto shown = keywizard::net::displayable_server_text(split);
    BOOST_TEST(shown.find("abcdefghijklmnopqrst") == std::string::npos, shown);
    BOOST_TEST(shown.find("klmnopqrst") == std::string::npos, shown);
}

BOOST_FIXTURE_TEST_CASE(bidi_controls_in_detail_and_headers_never_reach_the_outcome, ApiFixture) {
    const std::string rlo = "\xE2\x80\xAE";
    const std::string line_separator = "\xE2\x80\xA8";
    LoopbackServer server([&](const RecordedRequest&, std::size_t) {
        return Reply::json(
            401,
            R"({"error":{"message":"Incorrect API key provided)" + rlo + R"(gpj.exe)" + line_separator +
                R"(Visit https://evil.example","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})",
            {{"openai-organization", "user-kw" + rlo + "test"},
             {"openai-project", "proj_kw\xE2\x81\xA6test"},
             {"x-request-id", "req_kw\xE2\x80\x8Ftest"}});
    });
    const auto outcome = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(outcome, KeyStatus::rejected, Reason::invalid_api_key);
    for (const auto* text :
         {&outcome.detail, &outcome.message, &outcome.organization, &outcome.project, &outcome.request_id}) {
        BOOST_TEST(keywizard::net::printable_text(*text) == *text, keywizard::net::printable_text(*text));
    }
    BOOST_TEST(outcome.organization == "user-kwtest");
    BOOST_TEST(outcome.project == "proj_kwtest");
    BOOST_TEST(outcome.request_id == "req_kwtest");
    BOOST_TEST(outcome.detail.find("gpj.exe Visit") != std::string::npos, outcome.detail);
}

BOOST_FIXTURE_TEST_CASE(a_ca_file_that_is_a_fifo_device_or_directory_is_refused_before_libcurl, ApiFixture) {
    const keywizard::test::TempDir scratch("ca-test");
    const std::filesystem::path& dir = scratch.path();
    const auto fifo = dir / "ca.pem";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::filesystem::create_symlink("/dev/zero", dir / "zero.pem");
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return keywizard::test::models_list(); });
    for (const auto& [path, kind] :
         {std::pair{fifo.string(), "a FIFO"}, std::pair{(dir / "zero.pem").string(), "a device"},
          std::pair{dir.string(), "a directory"}}) {
        auto request = check_of(server);
        request.endpoint.ca_file = path;
        // Opening a FIFO for reading would block until a writer came: returning at all proves it was not
        // opened (a hang fails the run through ctest's TIMEOUT, not a clock here).
        const auto outcome = keywizard::net::check_key(request);
        CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::ca_bundle);
        BOOST_TEST(outcome.message.find(path + " is " + kind) != std::string::npos, outcome.message);
    }
    BOOST_TEST(server.connection_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
