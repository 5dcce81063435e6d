#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <regex>

#include "settings/app_settings.h"
#include "settings/corrupt_file.h"
#include "test_support.h"

using namespace keywizard::settings;
using keywizard::settings::test::names_in;
using keywizard::settings::test::read_file;
using keywizard::settings::test::TempDir;
using keywizard::settings::test::write_file;
namespace data = boost::unit_test::data;

namespace {

const std::vector<std::string> corrupt_names = {
    "invalid JSON",
    "empty",
    "only whitespace",
    "NUL bytes",
    "UTF-8 BOM before valid JSON",
    "top-level array",
    "top-level string",
    "top-level null",
};
const std::vector<std::string> corrupt_contents = {
    R"({"base_url": "https://api.openai.com/v1",)",
    "",
    "  \n\t\n",
    std::string("{\"organization\": \"org\0x\"}", 24),
    "\xEF\xBB\xBF{\"organization\": \"org-kwtest\"}",
    R"(["base_url"])",
    R"("settings")",
    "null",
};

std::vector<std::string> corrupt_copies(const std::filesystem::path& dir) {
    static const std::regex copy_name(R"(settings\.json\.corrupt-\d{8}T\d{6}Z(-\d+)?)");
    std::vector<std::string> copies;
    for (const auto& name : names_in(dir)) {
        if (std::regex_match(name, copy_name)) {
            copies.push_back(name);
        }
    }
    return copies;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corrupt_settings_tests)

BOOST_DATA_TEST_CASE(a_corrupt_file_is_moved_aside_reported_and_defaults_are_used,
                     data::make(corrupt_names) ^ data::make(corrupt_contents), name, contents) {
    BOOST_TEST_CONTEXT(name) {
        TempDir dir;
        const auto config = dir.path();
        SettingsFile file(config);
        write_file(file.path(), contents);

        const auto loaded = file.load();
        BOOST_TEST(loaded.settings.organization == "");
        BOOST_TEST(loaded.settings.timeout_seconds == 30);
        BOOST_TEST_REQUIRE(loaded.warnings.size() == 1u);
        const auto copies = corrupt_copies(config);
        BOOST_TEST_REQUIRE(copies.size() == 1u);
        const auto& warning = loaded.warnings.front();
        BOOST_TEST(warning.find(file.path().string()) != std::string::npos, warning);
        BOOST_TEST(warning.find((config / copies.front()).string()) != std::string::npos, warning);
        BOOST_TEST(!std::filesystem::exists(file.path()));
        BOOST_TEST(read_file(config / copies.front()) == contents);  // kept byte for byte

        // The next save starts from defaults and leaves the copy alone.
        BOOST_TEST_REQUIRE(file.update([](AppSettings& s) { s.project = "proj-new"; }).ok);
        BOOST_TEST(file.load().settings.project == "proj-new");
        BOOST_TEST(corrupt_copies(config).size() == 1u);
    }
}

BOOST_AUTO_TEST_CASE(a_save_over_a_corrupt_file_moves_it_aside_first_and_says_so) {
    TempDir dir;
    SettingsFile file(dir.path());
    write_file(file.path(), "{not json");
    const auto saved = file.update([](AppSettings& s) { s.organization = "org-kwtest"; });
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST(saved.message.find("corrupt") != std::string::npos, saved.message);
    const auto copies = corrupt_copies(dir.path());
    BOOST_TEST_REQUIRE(copies.size() == 1u);
    BOOST_TEST(read_file(dir.path() / copies.front()) == "{not json");
    BOOST_TEST(file.load().settings.organization == "org-kwtest");
}

BOOST_AUTO_TEST_CASE(two_corrupt_files_in_one_second_get_distinct_copies) {
    TempDir dir;
    SettingsFile file(dir.path());
    write_file(file.path(), "[1]");
    (void)file.load();
    write_file(file.path(), "[2]");
    (void)file.load();
    auto copies = corrupt_copies(dir.path());
    BOOST_TEST_REQUIRE(copies.size() == 2u);
    std::vector<std::string> contents{read_file(dir.path() / copies[0]), read_file(dir.path() / copies[1])};
    std::sort(contents.begin(), contents.end());
    BOOST_TEST((contents == std::vector<std::string>{"[1]", "[2]"}));
}

BOOST_AUTO_TEST_CASE(corrupt_copy_name_carries_the_utc_time) {
    // 2026-11-26 19:30:00 UTC
    const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(1795721400));
    BOOST_TEST(corrupt_copy_path("/c/settings.json", when).string() ==
               "/c/settings.json.corrupt-20261126T193000Z");
}

BOOST_AUTO_TEST_SUITE_END()
