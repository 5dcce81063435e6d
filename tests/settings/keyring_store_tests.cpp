// The libsecret backend against the real gnome-keyring of the test session (scripts/test-session:
// a private bus with an unlocked keyring in a throwaway XDG_DATA_HOME).

#include <libsecret/secret.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <thread>

#include "settings/secret_store.h"
#include "test_support.h"

using namespace keywizard::settings;
using namespace keywizard::settings::test;

namespace {

struct SessionKeyringFixture {
    SessionKeyringFixture() {
        const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
        BOOST_TEST_REQUIRE((address != nullptr && *address != '\0'),
                           "no session bus: run keyring_tests under scripts/test-session");
        BOOST_TEST_REQUIRE(store->erase().ok);  // start from an empty slot
    }
    ~SessionKeyringFixture() { store->erase(); }
    std::unique_ptr<SecretStore> store = make_keyring_store("keywizard", std::chrono::seconds(10));
};

// Looks the item up with libsecret directly, by the attributes other tools would use.
struct RawItem {
    int count = 0;
    std::string label;
    std::string secret;
};

RawItem find_raw_item(const char* application = "keywizard") {
    SecretSchema any_schema{};
    any_schema.name = "org.keywizard.ApiKey";
    any_schema.flags = SECRET_SCHEMA_DONT_MATCH_NAME;
    any_schema.attributes[0] = {"application", SECRET_SCHEMA_ATTRIBUTE_STRING};
    any_schema.attributes[1] = {"name", SECRET_SCHEMA_ATTRIBUTE_STRING};
    GHashTable* attributes =
        secret_attributes_build(&any_schema, "application", application, "name", "OPENAI_API_KEY", nullptr);
    GError* error = nullptr;
    SecretService* service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, nullptr, &error);
    GList* items = secret_service_search_sync(
        service, &any_schema, attributes,
        static_cast<SecretSearchFlags>(SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS), nullptr, &error);
    RawItem raw;
    for (GList* node = items; node != nullptr; node = node->next) {
        auto* item = static_cast<SecretItem*>(node->data);
        ++raw.count;
        gchar* label = secret_item_get_label(item);
        raw.label = label;
        g_free(label);
        if (SecretValue* value = secret_item_get_secret(item)) {
            raw.secret = secret_value_get_text(value);
            secret_value_unref(value);
        }
    }
    g_list_free_full(items, g_object_unref);
    g_hash_table_unref(attributes);
    if (service) {
        g_object_unref(service);
    }
    return raw;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(keyring_store_tests, SessionKeyringFixture)

BOOST_AUTO_TEST_CASE(the_unlocked_session_keyring_is_available) {
    const auto reason = store->unavailable_reason();
    BOOST_TEST(!reason.has_value(), reason.value_or(""));
    BOOST_TEST((store->backend() == SecretBackend::keyring));
    BOOST_TEST(store->location().find("keyring") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_slot_reads_as_not_found_not_unavailable) {
    const auto read = store->read();
    BOOST_TEST((read.state == SecretReadState::not_found), read.message);
    BOOST_TEST(read.value.empty());
    BOOST_TEST(store->erase().ok);  // erasing nothing is fine
}

BOOST_AUTO_TEST_CASE(a_stored_key_reads_back_and_is_findable_by_its_attributes) {
    const auto saved = store->write(valid_key);
    BOOST_TEST_REQUIRE(saved.ok, saved.message);
    const auto read = store->read();
    BOOST_TEST((read.state == SecretReadState::found), read.message);
    BOOST_TEST(read.value == valid_key);

    const auto raw = find_raw_item();
    BOOST_TEST(raw.count == 1);
    BOOST_TEST(raw.label == "keywizard: OpenAI API key");
    BOOST_TEST(raw.secret == valid_key);
}

BOOST_AUTO_TEST_CASE(a_host_apps_key_is_labelled_with_the_hosts_name) {
    // A keyring manager shows the label: "Writer: OpenAI API key", not keywizard's name for every app.
    const auto writer = make_keyring_store("com.example.Writer", std::chrono::seconds(10), "Writer");
    BOOST_TEST_REQUIRE(writer->write(valid_key).ok);
    const auto raw = find_raw_item("com.example.Writer");
    BOOST_TEST(writer->erase().ok);
    BOOST_TEST(raw.count == 1);
    BOOST_TEST(raw.label == "Writer: OpenAI API key");
}

BOOST_AUTO_TEST_CASE(storing_again_replaces_the_key_instead_of_adding_a_second_item) {
    BOOST_TEST_REQUIRE(store->write(valid_key).ok);
    BOOST_TEST_REQUIRE(store->write(other_valid_key).ok);
    BOOST_TEST(store->read().value == other_valid_key);
    BOOST_TEST(find_raw_item().count == 1);
}

BOOST_AUTO_TEST_CASE(erasing_removes_the_item) {
    BOOST_TEST_REQUIRE(store->write(valid_key).ok);
    const auto erased = store->erase();
    BOOST_TEST_REQUIRE(erased.ok, erased.message);
    BOOST_TEST((store->read().state == SecretReadState::not_found));
    BOOST_TEST(find_raw_item().count == 0);
}

BOOST_AUTO_TEST_CASE(calls_work_from_several_threads_at_once) {
    BOOST_TEST_REQUIRE(store->write(valid_key).ok);
    std::vector<std::thread> threads;
    std::atomic<int> found{0};
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&] {
            auto own = make_keyring_store("keywizard", std::chrono::seconds(10));
            if (own->read().value == valid_key) {
                ++found;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(found.load() == 4);
}

BOOST_AUTO_TEST_SUITE_END()
