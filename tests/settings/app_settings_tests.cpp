#include "settings/app_settings.h"

#include <stdlib.h>

#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace keywizard::settings;
using keywizard::settings::test::read_file;
using keywizard::settings::test::TempDir;
using keywizard::settings::test::write_file;

BOOST_AUTO_TEST_SUITE(app_settings_tests)

BOOST_AUTO_TEST_CASE(missing_file_gives_defaults_without_warnings) {
    TempDir dir;
    const auto loaded = SettingsFile(dir.path() / "keywizard").load();
    BOOST_TEST(loaded.warnings.empty());
    BOOST_TEST(loaded.settings.base_url == "");
    BOOST_TEST(loaded.settings.timeout_seconds == 30);
    BOOST_TEST(loaded.settings.recheck_interval_hours == 24);
    BOOST_TEST(!loaded.settings.key_storage.has_value());
    BOOST_TEST((loaded.settings.first_run == FirstRunState::pending));
}

BOOST_AUTO_TEST_CASE(every_field_survives_a_save_and_load) {
    TempDir dir;
    SettingsFile file(dir.path() / "keywizard");
    const auto saved = file.update([](AppSettings& s) {
        s.base_url = "https://proxy.example.test/v1";
        s.organization = "org-kwtest";
        s.project = "proj_kwtest";
        s.proxy = "http://127.0.0.1:3128";
        s.ca_file = "/etc/ssl/kwtest.pem";
        s.timeout_seconds = 12;
        s.required_models = {"gpt-4o-mini", "text-embedding-3-small"};
        s.key_storage = SecretBackend::file;
        s.first_run = FirstRunState::completed;
        s.last_check_status = "valid";
        s.last_check_reason = "ok";
        s.last_check_time = "2026-11-26T19:30:00Z";
        s.recheck_interval_hours = 0;
    });
    BOOST_TEST_REQUIRE(saved.ok, saved.message);

    const auto loaded = file.load();
    BOOST_TEST(loaded.warnings.empty());
    const auto& s = loaded.settings;
    BOOST_TEST(s.base_url == "https://proxy.example.test/v1");
    BOOST_TEST(s.organization == "org-kwtest");
    BOOST_TEST(s.project == "proj_kwtest");
    BOOST_TEST(s.proxy == "http://127.0.0.1:3128");
    BOOST_TEST(s.ca_file == "/etc/ssl/kwtest.pem");
    BOOST_TEST(s.timeout_seconds == 12);
    BOOST_TEST((s.required_models == std::vector<std::string>{"gpt-4o-mini", "text-embedding-3-small"}));
    BOOST_TEST((s.key_storage == SecretBackend::file));
    BOOST_TEST((s.first_run == FirstRunState::completed));
    BOOST_TEST(s.last_check_status == "valid");
    BOOST_TEST(s.last_check_reason == "ok");
    BOOST_TEST(s.last_check_time == "2026-11-26T19:30:00Z");
    BOOST_TEST(s.recheck_interval_hours == 0);

    const auto text = read_file(file.path());
    BOOST_TEST(text.find("\"key_storage\": \"file\"") != std::string::npos);
    BOOST_TEST(text.find("\"first_run\": \"completed\"") != std::string::npos);
    BOOST_TEST(text.find("\"last_check\": {") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_keys_survive_a_save_in_their_order) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    SettingsFile file(config);
    BOOST_TEST_REQUIRE(file.update([](AppSettings&) {}).ok);
    write_file(file.path(),
               R"({"zeta": 1, "organization": "org-old", "host_app": {"theme": "dark", "list": [3, 1, 2]},)"
               R"( "alpha": null, "timeout_seconds": 20, "middle": "m"})");

    const auto saved = file.update([](AppSettings& s) {
        s.organization = "org-new";
        s.project = "proj-added";
    });
    BOOST_TEST_REQUIRE(saved.ok, saved.message);

    const auto text = read_file(file.path());
    const auto zeta = text.find("\"zeta\"");
    const auto organization = text.find("\"organization\": \"org-new\"");
    const auto host_app = text.find("\"host_app\"");
    const auto alpha = text.find("\"alpha\": null");
    const auto timeout = text.find("\"timeout_seconds\": 20");
    const auto middle = text.find("\"middle\": \"m\"");
    const auto project = text.find("\"project\": \"proj-added\"");
    BOOST_TEST_REQUIRE(project != std::string::npos);
    BOOST_TEST(zeta < organization);
    BOOST_TEST(organization < host_app);
    BOOST_TEST(host_app < alpha);
    BOOST_TEST(alpha < timeout);
    BOOST_TEST(timeout < middle);
    BOOST_TEST(middle < project);  // new keys go at the end
    BOOST_TEST(text.find("\"theme\": \"dark\"") != std::string::npos);
    BOOST_TEST(text.find("\"key_storage\"") == std::string::npos);  // untouched defaults are not written
}

BOOST_AUTO_TEST_CASE(a_setting_put_back_to_its_default_is_removed) {
    TempDir dir;
    SettingsFile file(dir.path() / "keywizard");
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) {
                               s.key_storage = SecretBackend::keyring;
                               s.organization = "org-kwtest";
                           })
                           .ok);
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) {
                               s.key_storage.reset();
                               s.organization.clear();
                           })
                           .ok);
    const auto text = read_file(file.path());
    BOOST_TEST(text.find("key_storage") == std::string::npos);
    BOOST_TEST(text.find("organization") == std::string::npos);
    BOOST_TEST(!file.load().settings.key_storage.has_value());
}

BOOST_AUTO_TEST_CASE(wrong_typed_fields_fall_back_to_defaults_with_a_warning_and_stay_in_the_file) {
    TempDir dir;
    const auto config = dir.path() / "keywizard";
    SettingsFile file(config);
    BOOST_TEST_REQUIRE(file.update([](AppSettings&) {}).ok);
    const std::string original =
        R"({"base_url": 42, "organization": "org-fine", "timeout_seconds": "soon", "required_models": ["a", 1],)"
        R"( "key_storage": "vault", "first_run": true, "last_check": "yesterday"})";
    write_file(file.path(), original);

    const auto loaded = file.load();
    BOOST_TEST(loaded.settings.base_url == "");
    BOOST_TEST(loaded.settings.organization == "org-fine");
    BOOST_TEST(loaded.settings.timeout_seconds == 30);
    BOOST_TEST(loaded.settings.required_models.empty());
    BOOST_TEST(!loaded.settings.key_storage.has_value());
    BOOST_TEST((loaded.settings.first_run == FirstRunState::pending));
    BOOST_TEST(loaded.warnings.size() == 6u);
    bool names_timeout = false;
    for (const auto& warning : loaded.warnings) {
        names_timeout = names_timeout || warning.find("\"timeout_seconds\"") != std::string::npos;
    }
    BOOST_TEST(names_timeout);
    BOOST_TEST(read_file(file.path()) == original);  // not corrupt: not moved
    BOOST_TEST(!std::filesystem::exists(config / "settings.json.corrupt"));

    // A save of an unrelated field leaves the wrong-typed ones for the person to fix.
    BOOST_TEST_REQUIRE(file.update([](AppSettings& s) { s.project = "p"; }).ok);
    const auto text = read_file(file.path());
    BOOST_TEST(text.find("\"base_url\": 42") != std::string::npos);
    BOOST_TEST(text.find("\"timeout_seconds\": \"soon\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(config_directory_follows_xdg_config_home_only_when_absolute) {
    const char* saved_xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string saved_xdg_value = saved_xdg ? saved_xdg : "";
    const char* saved_home = std::getenv("HOME");
    const std::string saved_home_value = saved_home ? saved_home : "";

    ::setenv("HOME", "/home/kwtest", 1);
    ::setenv("XDG_CONFIG_HOME", "/srv/config", 1);
    BOOST_TEST(default_config_directory() == std::filesystem::path("/srv/config/keywizard"));
    ::setenv("XDG_CONFIG_HOME", "relative/config", 1);
    BOOST_TEST(default_config_directory() == std::filesystem::path("/home/kwtest/.config/keywizard"));
    ::setenv("XDG_CONFIG_HOME", "", 1);
    BOOST_TEST(default_config_directory() == std::filesystem::path("/home/kwtest/.config/keywizard"));
    ::unsetenv("XDG_CONFIG_HOME");
    BOOST_TEST(default_config_directory() == std::filesystem::path("/home/kwtest/.config/keywizard"));

    saved_xdg ? (void)::setenv("XDG_CONFIG_HOME", saved_xdg_value.c_str(), 1)
              : (void)::unsetenv("XDG_CONFIG_HOME");
    saved_home ? (void)::setenv("HOME", saved_home_value.c_str(), 1) : (void)::unsetenv("HOME");
}

BOOST_AUTO_TEST_CASE(a_recheck_interval_that_is_not_whole_hours_is_ignored_with_a_warning) {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "keywizard");
    write_file(dir.path() / "keywizard" / "settings.json", R"({"recheck_interval_hours": -3})");
    const auto loaded = SettingsFile(dir.path() / "keywizard").load();
    BOOST_TEST(loaded.settings.recheck_interval_hours == 24);
    BOOST_TEST_REQUIRE(loaded.warnings.size() == 1u);
    BOOST_TEST(loaded.warnings.front().find("recheck_interval_hours") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
