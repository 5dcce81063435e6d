#include <boost/test/unit_test.hpp>
#include <memory>
#include <set>

#include "settings/app_settings.h"
#include "settings/secret_store.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

BOOST_AUTO_TEST_SUITE(concurrent_update_tests)

BOOST_AUTO_TEST_CASE(eight_processes_saving_fifty_times_each_lose_no_update_and_never_see_a_broken_file) {
    constexpr int processes = 8;
    constexpr int saves = 50;
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    BOOST_TEST_REQUIRE(SettingsFile(config).update([](AppSettings& s) { s.organization = "org-kwtest"; }).ok);

    std::vector<std::unique_ptr<ChildProcess>> children;
    for (int p = 0; p < processes; ++p) {
        children.push_back(std::make_unique<ChildProcess>([config, p](int report) {
            SettingsFile file(config);
            int failures = 0;
            for (int i = 0; i < saves; ++i) {
                const auto saved = file.update([&](AppSettings& s) {
                    s.required_models.push_back("child" + std::to_string(p) + "-save" + std::to_string(i));
                });
                // Every read in between must see a whole file: never corrupt, never moved aside.
                const auto loaded = file.load();
                if (!saved.ok || !loaded.warnings.empty()) {
                    write_report(report, saved.message +
                                             (loaded.warnings.empty() ? "" : loaded.warnings.front()) + "\n");
                    ++failures;
                }
            }
            return failures == 0 ? 0 : 1;
        }));
    }
    for (auto& child : children) {
        const auto result = child->wait(std::chrono::seconds(300));
        BOOST_TEST(result.exit_code == 0, result.output);
    }

    const auto loaded = SettingsFile(config).load();
    BOOST_TEST(loaded.warnings.empty());
    BOOST_TEST(loaded.settings.organization == "org-kwtest");
    const std::set<std::string> unique(loaded.settings.required_models.begin(),
                                       loaded.settings.required_models.end());
    BOOST_TEST(loaded.settings.required_models.size() == static_cast<size_t>(processes * saves));
    BOOST_TEST(unique.size() == static_cast<size_t>(processes * saves));
    BOOST_TEST(names_in(config) == (std::vector<std::string>{".settings.json.lock", "settings.json"}));
}

BOOST_AUTO_TEST_CASE(concurrent_dotenv_saves_keep_every_other_line) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    std::filesystem::create_directories(config);
    write_file(config / ".env", "# shared by several tools\nDATABASE_URL=postgres://localhost/db\n");

    std::vector<std::unique_ptr<ChildProcess>> children;
    for (int p = 0; p < 4; ++p) {
        children.push_back(std::make_unique<ChildProcess>([config, p](int) {
            auto store = make_dotenv_store(config);
            for (int i = 0; i < 25; ++i) {
                if (!store->write(p % 2 == 0 ? valid_key : other_valid_key).ok) {
                    return 1;
                }
            }
            return 0;
        }));
    }
    for (auto& child : children) {
        BOOST_TEST(child->wait(std::chrono::seconds(120)).exit_code == 0);
    }
    const auto text = read_file(config / ".env");
    BOOST_TEST((text == "# shared by several tools\nDATABASE_URL=postgres://localhost/db\nOPENAI_API_KEY=" +
                            valid_key + "\n" ||
                text == "# shared by several tools\nDATABASE_URL=postgres://localhost/db\nOPENAI_API_KEY=" +
                            other_valid_key + "\n"),
               text);
}

BOOST_AUTO_TEST_SUITE_END()
