#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "settings/dotenv_text.h"
#include "settings/secret_store.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;
namespace data = boost::unit_test::data;

namespace {
const std::vector<std::string> readable_lines = {
    "OPENAI_API_KEY=sk-proj-abc",
    "export OPENAI_API_KEY=sk-proj-abc",
    "OPENAI_API_KEY = sk-proj-abc",
    "  export   OPENAI_API_KEY\t=\tsk-proj-abc  ",
    "OPENAI_API_KEY=\"sk-proj-abc\"",
    "OPENAI_API_KEY='sk-proj-abc'",
    "OPENAI_API_KEY=sk-proj-abc # the key for keywizard",
    "OPENAI_API_KEY=\"sk-proj-abc\" # quoted, then a comment",
    "OPENAI_API_KEY=sk-proj-abc\r",
    "OPENAI_API_KEY=sk-proj-old\nOPENAI_API_KEY=sk-proj-abc",
    "# OPENAI_API_KEY=sk-proj-commented\nOPENAI_API_KEY=sk-proj-abc\nOPENAI_API_KEY_OLD=sk-proj-other",
};
}  // namespace

BOOST_AUTO_TEST_SUITE(dotenv_tests)

BOOST_DATA_TEST_CASE(reads_the_usual_dotenv_spellings, data::make(readable_lines), line) {
    BOOST_TEST(find_dotenv_value(line, "OPENAI_API_KEY").value_or("<none>") == "sk-proj-abc");
}

BOOST_AUTO_TEST_CASE(names_that_only_share_a_prefix_or_are_commented_are_not_read) {
    BOOST_TEST(!find_dotenv_value("OPENAI_API_KEY_OLD=x\n# OPENAI_API_KEY=y\nexportOPENAI_API_KEY=z\n",
                                  "OPENAI_API_KEY"));
}

BOOST_AUTO_TEST_CASE(setting_replaces_the_line_in_place_and_keeps_everything_else) {
    const std::string before =
        "# keys\nexport DATABASE_URL=postgres://x\n\nOPENAI_API_KEY='old'\nDEBUG=1 # on\n";
    BOOST_TEST(set_dotenv_value(before, "OPENAI_API_KEY", "sk-proj-new") ==
               "# keys\nexport DATABASE_URL=postgres://x\n\nOPENAI_API_KEY=sk-proj-new\nDEBUG=1 # on\n");
}

BOOST_AUTO_TEST_CASE(setting_appends_when_absent_and_adds_a_missing_final_newline) {
    BOOST_TEST(set_dotenv_value("", "OPENAI_API_KEY", "k") == "OPENAI_API_KEY=k\n");
    BOOST_TEST(set_dotenv_value("A=1", "OPENAI_API_KEY", "k") == "A=1\nOPENAI_API_KEY=k\n");
}

BOOST_AUTO_TEST_CASE(crlf_files_stay_crlf) {
    BOOST_TEST(set_dotenv_value("A=1\r\nOPENAI_API_KEY=old\r\n", "OPENAI_API_KEY", "k") ==
               "A=1\r\nOPENAI_API_KEY=k\r\n");
    BOOST_TEST(set_dotenv_value("A=1\r\n", "OPENAI_API_KEY", "k") == "A=1\r\nOPENAI_API_KEY=k\r\n");
    BOOST_TEST(set_dotenv_value("A=1\r\nOPENAI_API_KEY=old\r", "OPENAI_API_KEY", "k") ==
               "A=1\r\nOPENAI_API_KEY=k\r\n");
    BOOST_TEST(remove_dotenv_value("A=1\r\nOPENAI_API_KEY=old\r\nB=2\r\n", "OPENAI_API_KEY") ==
               "A=1\r\nB=2\r\n");
}

BOOST_AUTO_TEST_CASE(duplicates_collapse_into_the_first_line_so_the_new_value_wins) {
    BOOST_TEST(set_dotenv_value("OPENAI_API_KEY=a\nB=2\nexport OPENAI_API_KEY=b\n", "OPENAI_API_KEY", "k") ==
               "OPENAI_API_KEY=k\nB=2\n");
}

BOOST_AUTO_TEST_CASE(removing_drops_only_that_variable) {
    BOOST_TEST(remove_dotenv_value("# c\nOPENAI_API_KEY=a\nOPENAI_API_KEY_OLD=b\nexport OPENAI_API_KEY=c\n",
                                   "OPENAI_API_KEY") == "# c\nOPENAI_API_KEY_OLD=b\n");
}

BOOST_AUTO_TEST_CASE(store_writes_reads_overwrites_and_erases_keeping_other_lines) {
    TempDir dir;
    const auto config = dir.path();
    write_file(config / ".env",
               "# tools\r\nexport DATABASE_URL=\"postgres://x\"\r\nOPENAI_API_KEY = 'sk-proj-old'\r\n");
    auto store = make_dotenv_store(config);
    BOOST_TEST(store->location() == (config / ".env").string());
    BOOST_TEST(!store->unavailable_reason());
    BOOST_TEST(store->read().value == "sk-proj-old");

    const auto saved = store->write(valid_key);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST(saved.message.find("plain text") != std::string::npos);
    BOOST_TEST(saved.message.find((config / ".env").string()) != std::string::npos);
    BOOST_TEST(read_file(config / ".env") ==
               "# tools\r\nexport DATABASE_URL=\"postgres://x\"\r\nOPENAI_API_KEY=" + valid_key + "\r\n");
    const auto read = store->read();
    BOOST_TEST((read.state == SecretReadState::found));
    BOOST_TEST(read.value == valid_key);

    BOOST_TEST_REQUIRE(store->erase().ok);
    BOOST_TEST(read_file(config / ".env") == "# tools\r\nexport DATABASE_URL=\"postgres://x\"\r\n");
    BOOST_TEST((store->read().state == SecretReadState::not_found));
    BOOST_TEST(store->erase().ok);  // nothing left to erase is fine
}

BOOST_AUTO_TEST_CASE(store_refuses_values_that_would_break_the_file) {
    TempDir dir;
    auto store = make_dotenv_store(dir.path());
    for (const std::string bad : {"", "sk-proj-a b", "sk-proj-a\nINJECTED=1", "sk-proj-\"q", "sk-proj-#"}) {
        const auto saved = store->write(bad);
        BOOST_TEST(!saved.ok);
    }
    BOOST_TEST(!std::filesystem::exists(dir.path() / ".env"));
}

BOOST_AUTO_TEST_CASE(missing_file_or_directory_reads_as_not_found) {
    TempDir dir;
    auto store = make_dotenv_store(dir.path() / "absent");
    BOOST_TEST((store->read().state == SecretReadState::not_found));
    BOOST_TEST(store->erase().ok);
    BOOST_TEST(!std::filesystem::exists(dir.path() / "absent"));
}

BOOST_AUTO_TEST_SUITE_END()
