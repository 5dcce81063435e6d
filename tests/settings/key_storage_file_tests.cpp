// KeyStorage on a machine without a keyring: the file backend chosen by the person. (With the real
// keyring: keyring_tests.)

#include <sched.h>
#include <sys/mount.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "settings/key_storage.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {}  // namespace

BOOST_FIXTURE_TEST_SUITE(key_storage_file_tests, NoKeyringFixture)

BOOST_AUTO_TEST_CASE(keyring_unavailable_reason_names_the_missing_bus) {
    KeyStorage storage(config);
    const auto reason = storage.keyring_unavailable_reason();
    BOOST_TEST_REQUIRE(reason.has_value());
    BOOST_TEST(reason->find("No D-Bus session bus") != std::string::npos, *reason);
}

BOOST_AUTO_TEST_CASE(saving_to_the_keyring_when_it_is_unavailable_changes_nothing) {
    KeyStorage storage(config);
    const auto saved = storage.save_key(valid_key, SecretBackend::keyring);
    BOOST_TEST(!saved.ok);
    BOOST_TEST(saved.message.find("No D-Bus session bus") != std::string::npos, saved.message);
    BOOST_TEST(!std::filesystem::exists(config / ".env"));
    BOOST_TEST(!storage.settings_file().load().settings.key_storage.has_value());
}

BOOST_AUTO_TEST_CASE(file_backend_saves_reads_and_forgets_and_says_where) {
    KeyStorage storage(config);
    const auto saved = storage.save_key(valid_key, SecretBackend::file);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST(saved.message.find((config / ".env").string()) != std::string::npos, saved.message);
    BOOST_TEST(saved.message.find("plain text") != std::string::npos, saved.message);
    BOOST_TEST((storage.settings_file().load().settings.key_storage == SecretBackend::file));
    BOOST_TEST(storage.location_of(SecretBackend::file) == (config / ".env").string());

    const auto stored = storage.read_key();
    BOOST_TEST((stored.state == SecretReadState::found));
    BOOST_TEST(stored.key == valid_key);
    BOOST_TEST((stored.backend == SecretBackend::file));
    BOOST_TEST(stored.location == (config / ".env").string());

    BOOST_TEST_REQUIRE(storage.save_key(other_valid_key, SecretBackend::file).ok);
    BOOST_TEST(storage.read_key().key == other_valid_key);

    const auto forgotten = storage.forget_key();
    BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
    BOOST_TEST(
        forgotten.message.find("Removed the key from " + (config / ".env").string()) != std::string::npos,
        forgotten.message);
    BOOST_TEST((storage.read_key().state == SecretReadState::not_found));
    BOOST_TEST(!storage.settings_file().load().settings.key_storage.has_value());
    BOOST_TEST(read_file(config / ".env").find("OPENAI_API_KEY") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_hand_made_env_is_found_without_key_storage_and_nothing_is_written) {
    std::filesystem::create_directories(config);
    write_file(config / ".env", "export OPENAI_API_KEY=\"" + valid_key + "\"\n");
    KeyStorage storage(config);
    const auto stored = storage.read_key();
    BOOST_TEST((stored.state == SecretReadState::found));
    BOOST_TEST(stored.key == valid_key);
    BOOST_TEST((stored.backend == SecretBackend::file));
    BOOST_TEST(!std::filesystem::exists(config / "settings.json"));
}

BOOST_AUTO_TEST_CASE(nothing_stored_reads_as_not_found_and_forget_says_so) {
    KeyStorage storage(config);
    const auto stored = storage.read_key();
    BOOST_TEST((stored.state == SecretReadState::not_found));
    BOOST_TEST(stored.message.find("No key is stored") != std::string::npos, stored.message);
    const auto forgotten = storage.forget_key();
    BOOST_TEST(forgotten.ok);
    BOOST_TEST(forgotten.message.find("No key was stored") != std::string::npos, forgotten.message);
}

BOOST_AUTO_TEST_CASE(a_failed_save_keeps_the_previous_key_and_record) {
    KeyStorage storage(config);
    BOOST_TEST_REQUIRE(storage.save_key(valid_key, SecretBackend::file).ok);
    const auto child = run_forked([&](int report) {
        if (::unshare(CLONE_NEWNS) != 0 || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
            ::mount(config.c_str(), config.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
            ::mount(nullptr, config.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
            write_report(report, std::string("mount: ") + std::strerror(errno));
            return 90;
        }
        const auto saved = KeyStorage(config).save_key(other_valid_key, SecretBackend::file);
        write_report(report, saved.message);
        return saved.ok ? 1 : 0;
    });
    BOOST_TEST_REQUIRE(child.exit_code == 0, child.output);
    BOOST_TEST(child.output.find("Read-only file system") != std::string::npos, child.output);
    const auto stored = storage.read_key();
    BOOST_TEST(stored.key == valid_key);
    BOOST_TEST((stored.backend == SecretBackend::file));
}

BOOST_AUTO_TEST_SUITE_END()
