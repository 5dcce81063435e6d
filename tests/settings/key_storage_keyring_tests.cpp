// KeyStorage with the real keyring of the test session: saving, switching backends (the old copy is
// removed), reading without a record, forgetting.

#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "settings/key_storage.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

struct KeyringStorageFixture {
    KeyringStorageFixture() {
        const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
        BOOST_TEST_REQUIRE((address != nullptr && *address != '\0'),
                           "no session bus: run keyring_tests under scripts/test-session");
        BOOST_TEST_REQUIRE(keyring->erase().ok);
    }
    ~KeyringStorageFixture() { keyring->erase(); }
    TempDir dir;
    std::filesystem::path config = dir.path() / "keywizard";
    std::unique_ptr<SecretStore> keyring = make_keyring_store("keywizard", std::chrono::seconds(10));
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(key_storage_keyring_tests, KeyringStorageFixture)

BOOST_AUTO_TEST_CASE(saving_to_the_keyring_records_it_and_reads_back) {
    KeyStorage storage(config);
    BOOST_TEST(!storage.keyring_unavailable_reason().has_value());
    const auto saved = storage.save_key(valid_key, SecretBackend::keyring);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    BOOST_TEST(saved.message.find("keyring") != std::string::npos, saved.message);
    BOOST_TEST((storage.settings_file().load().settings.key_storage == SecretBackend::keyring));
    BOOST_TEST(!std::filesystem::exists(config / ".env"));

    const auto stored = storage.read_key();
    BOOST_TEST((stored.state == SecretReadState::found), stored.message);
    BOOST_TEST(stored.key == valid_key);
    BOOST_TEST((stored.backend == SecretBackend::keyring));
    BOOST_TEST(stored.location == storage.location_of(SecretBackend::keyring));
}

BOOST_AUTO_TEST_CASE(switching_backends_moves_the_key_and_keeps_other_env_lines) {
    KeyStorage storage(config);
    std::filesystem::create_directories(config);
    write_file(config / ".env", "# other tool\nDATABASE_URL=postgres://localhost/db\n");

    BOOST_TEST_REQUIRE(storage.save_key(valid_key, SecretBackend::keyring).ok);
    const auto to_file = storage.save_key(other_valid_key, SecretBackend::file);
    BOOST_TEST_REQUIRE(to_file.ok, to_file.message);
    BOOST_TEST(to_file.message.find("Removed the old copy from") != std::string::npos, to_file.message);
    BOOST_TEST((keyring->read().state == SecretReadState::not_found));
    BOOST_TEST(storage.read_key().key == other_valid_key);
    BOOST_TEST((storage.read_key().backend == SecretBackend::file));

    const auto to_keyring = storage.save_key(valid_key, SecretBackend::keyring);
    BOOST_TEST_REQUIRE(to_keyring.ok, to_keyring.message);
    BOOST_TEST(read_file(config / ".env") == "# other tool\nDATABASE_URL=postgres://localhost/db\n");
    BOOST_TEST(keyring->read().value == valid_key);
    BOOST_TEST((storage.settings_file().load().settings.key_storage == SecretBackend::keyring));
}

BOOST_AUTO_TEST_CASE(a_key_in_the_keyring_is_found_without_a_record_and_nothing_is_written) {
    BOOST_TEST_REQUIRE(keyring->write(valid_key).ok);
    KeyStorage storage(config);
    const auto stored = storage.read_key();
    BOOST_TEST((stored.state == SecretReadState::found));
    BOOST_TEST((stored.backend == SecretBackend::keyring));
    BOOST_TEST(!std::filesystem::exists(config));
}

BOOST_AUTO_TEST_CASE(forget_removes_the_key_from_the_keyring_and_says_so) {
    KeyStorage storage(config);
    BOOST_TEST_REQUIRE(storage.save_key(valid_key, SecretBackend::keyring).ok);
    const auto forgotten = storage.forget_key();
    BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
    BOOST_TEST(forgotten.message == "Removed the key from " + storage.location_of(SecretBackend::keyring));
    BOOST_TEST((keyring->read().state == SecretReadState::not_found));
    BOOST_TEST(!storage.settings_file().load().settings.key_storage.has_value());
    BOOST_TEST((storage.read_key().state == SecretReadState::not_found));
}

BOOST_AUTO_TEST_CASE(forget_also_removes_a_stray_copy_from_the_other_backend) {
    KeyStorage storage(config);
    BOOST_TEST_REQUIRE(storage.save_key(valid_key, SecretBackend::file).ok);
    BOOST_TEST_REQUIRE(keyring->write(valid_key).ok);  // e.g. left by an older version
    const auto forgotten = storage.forget_key();
    BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
    BOOST_TEST(forgotten.message.find((config / ".env").string()) != std::string::npos, forgotten.message);
    BOOST_TEST(forgotten.message.find(storage.location_of(SecretBackend::keyring)) != std::string::npos,
               forgotten.message);
    BOOST_TEST((keyring->read().state == SecretReadState::not_found));
}

BOOST_AUTO_TEST_CASE(a_keyring_save_whose_settings_cannot_be_written_leaves_the_keyring_as_it_was) {
    // settings.json is a symlink into a directory that does not exist: it reads as absent, but no temp
    // file can be created beside its target, so only the settings write fails, after the keyring's.
    std::filesystem::create_directories(config);
    std::filesystem::create_symlink(dir.path() / "missing" / "settings.json", config / "settings.json");
    KeyStorage storage(config);

    const auto first = storage.save_key(valid_key, SecretBackend::keyring);
    BOOST_TEST(!first.ok);
    BOOST_TEST(first.message.find("No such file or directory") != std::string::npos, first.message);
    BOOST_TEST(
        first.message.find("Nothing was changed: the new key was removed again from") != std::string::npos,
        first.message);
    BOOST_TEST((keyring->read().state == SecretReadState::not_found));

    BOOST_TEST_REQUIRE(keyring->write(other_valid_key).ok);
    const auto second = storage.save_key(valid_key, SecretBackend::keyring);
    BOOST_TEST(!second.ok);
    BOOST_TEST(
        second.message.find("Nothing was changed: the previous key was put back in") != std::string::npos,
        second.message);
    BOOST_TEST((keyring->read().value == other_valid_key));  // no values printed: they are keys
    BOOST_TEST(!std::filesystem::exists(config / ".env"));
}

BOOST_AUTO_TEST_SUITE_END()
