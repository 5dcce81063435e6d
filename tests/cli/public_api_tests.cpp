// The public API (include/keywizard/core.h) called directly, as a host calls it: load_key hands a stored key
// out only where it was verified and says why not; check_key with CheckOptions sends the generation probe
// only when asked; a mismatched project names where the setting came from; a rate limit says its wait.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "keywizard/core.h"
#include "keywizard/reasons.h"
#include "net/check_outcome.h"
#include "tests/cli/cli_fixture.h"
#include "tests/support/scoped_environment.h"
#include "tests/support/test_keys.h"
#include "tests/support/test_pki.h"

namespace keywizard::test {
namespace {

std::string models_list_body() {
    return models_body({"gpt-4o", "gpt-4o-mini"});
}

// A private config folder and a stand-in, with nothing of the caller's environment that a host's call reads.
struct PublicApiFixture {
    CliFixture cli;
    ScopedEnvironment environment{{"OPENAI_API_KEY", std::nullopt}, {"OPENAI_BASE_URL", std::nullopt},
                                  {"OPENAI_ORG_ID", std::nullopt},  {"OPENAI_PROJECT_ID", std::nullopt},
                                  {"SSL_CERT_FILE", std::nullopt},  {"HTTPS_PROXY", std::nullopt},
                                  {"https_proxy", std::nullopt},    {"ALL_PROXY", std::nullopt},
                                  {"all_proxy", std::nullopt}};

    Options app() const {
        Options options;
        options.app_id = "com.example.PublicApiTest";
        options.config_dir = cli.config_dir();
        options.ca_file = TestPki::instance().ca_file();
        return options;
    }
    Options at_stand_in() {
        Options options = app();
        options.base_url = cli.server().base_url() + "/v1";
        return options;
    }

    // Checked at the stand-in and saved in the file backend, bound to the stand-in's base URL.
    void store_verified_key() {
        const Options options = at_stand_in();
        const CheckResult checked = check_key(options, valid_key);
        BOOST_TEST_REQUIRE(checked.reason == "ok", checked.message);
        const SaveResult saved = save_key(options, valid_key, Storage::file, &checked);
        BOOST_TEST_REQUIRE(saved.saved, saved.message);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(public_api_tests, PublicApiFixture)

BOOST_AUTO_TEST_CASE(load_key_hands_a_stored_key_out_only_where_it_was_verified) {
    cli.serve(Reply::json(200, models_list_body()));
    store_verified_key();

    // The saved settings point where it was verified: handed out.
    const LoadResult here = load_key_checked(app());
    BOOST_TEST(here.reason == "ok", here.message);
    BOOST_TEST(here.key.value_or("") == valid_key);

    // The environment moves the base URL elsewhere: not handed out, and the host is told why and where.
    environment.set("OPENAI_BASE_URL", "https://elsewhere.example/v1");
    const LoadResult moved = load_key_checked(app());
    BOOST_TEST(!moved.key.has_value());
    BOOST_TEST(moved.reason == "endpoint_changed");
    BOOST_TEST(moved.verified_base_url == cli.server().base_url() + "/v1");
    BOOST_TEST(moved.base_url == "https://elsewhere.example/v1");
    BOOST_TEST(moved.from == "OPENAI_BASE_URL");
    BOOST_TEST(moved.message.find("elsewhere.example") != std::string::npos, moved.message);
    BOOST_TEST(moved.message.find(valid_key) == std::string::npos);
    BOOST_TEST(!load_key(app()).has_value());  // the short form keeps the same promise

    // A base URL the host names itself (after asking the person) is allowed.
    Options named = app();
    named.base_url = "https://elsewhere.example/v1";
    BOOST_TEST(load_key_checked(named).key.value_or("") == valid_key);

    // The person's own OPENAI_API_KEY is theirs to send where they point it.
    environment.set("OPENAI_API_KEY", other_valid_key);
    const LoadResult own = load_key_checked(app());
    BOOST_TEST(own.reason == "ok");
    BOOST_TEST(own.key.value_or("") == other_valid_key);
}

BOOST_AUTO_TEST_CASE(load_key_says_when_there_is_no_key_or_it_is_not_one) {
    const LoadResult none = load_key_checked(app());
    BOOST_TEST(none.reason == "no_key");
    BOOST_TEST(!none.key.has_value());

    environment.set("OPENAI_API_KEY", "not a key");
    const LoadResult malformed = load_key_checked(app());
    BOOST_TEST(malformed.reason == "malformed_key");
    BOOST_TEST(malformed.message.find("OPENAI_API_KEY") != std::string::npos, malformed.message);

    Options bad = app();
    bad.app_id = "../escape";
    BOOST_TEST(load_key_checked(bad).reason == "invalid_setting");
}

BOOST_AUTO_TEST_CASE(check_key_with_check_options_sends_the_probe_only_when_asked) {
    cli.serve([](const RecordedRequest& request, std::size_t) {
        if (request.method == "POST") {
            return Reply::json(200, R"({"id":"chatcmpl-kwtest","object":"chat.completion","created":1,)"
                                    R"("model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":)"
                                    R"("assistant","content":"OK"},"finish_reason":"stop"}]})");
        }
        return Reply::json(200, models_list_body());
    });
    const CheckResult listed = check_key(at_stand_in(), valid_key, CheckOptions{});
    BOOST_TEST(listed.reason == "ok", listed.message);
    BOOST_TEST(!listed.generation.checked);
    BOOST_TEST(cli.server().request_count() == 1u);

    CheckOptions generate;
    generate.generate = true;
    const CheckResult wrote = check_key(at_stand_in(), valid_key, generate);
    BOOST_TEST(wrote.reason == "ok", wrote.message);
    BOOST_TEST(wrote.generation.checked);
    BOOST_TEST(wrote.generation.model == "gpt-4o-mini");
    const auto requests = cli.server().requests();
    BOOST_TEST_REQUIRE(requests.size() == 3u);
    BOOST_TEST(requests[2].method == "POST");
    BOOST_TEST(requests[2].target == "/v1/chat/completions");
}

BOOST_AUTO_TEST_CASE(a_mismatched_project_names_the_setting_and_where_it_came_from) {
    cli.serve(Reply::json(401, error_body("OpenAI-Project header should match project for API key",
                                          "invalid_request_error", "mismatched_project")));
    std::filesystem::create_directories(cli.config_dir());
    std::ofstream(cli.config_dir() / "settings.json") << R"({"project":"proj_kwother"})";
    const CheckResult from_settings = check_key(at_stand_in(), valid_key);
    BOOST_TEST(from_settings.reason == "mismatched_project");
    BOOST_TEST((from_settings.status == Status::rejected));
    BOOST_TEST(from_settings.message.find("proj_kwother (from settings.json)") != std::string::npos,
               from_settings.message);

    environment.set("OPENAI_PROJECT_ID", "proj_kwenv");
    const CheckResult from_environment = check_key(at_stand_in(), valid_key);
    BOOST_TEST(from_environment.message.find("proj_kwenv (from OPENAI_PROJECT_ID)") != std::string::npos,
               from_environment.message);

    Options given = at_stand_in();
    given.project = "proj_kwgiven";
    const CheckResult from_argument = check_key(given, valid_key);
    BOOST_TEST(from_argument.message.find("proj_kwgiven given for this check") != std::string::npos,
               from_argument.message);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_reports_its_wait_and_limit) {
    cli.serve(
        Reply::json(429,
                    error_body("Rate limit reached for gpt-4 in organization org-kwtest on tokens per min "
                               "(TPM): Limit 10000, Used 9348, Requested 5086. Please try again in 26.604s.",
                               "tokens", "rate_limit_exceeded"),
                    {{"x-ratelimit-reset-tokens", "26.604s"}, {"x-ratelimit-reset-requests", "120ms"}}));
    const CheckResult limited = check_key(at_stand_in(), valid_key);
    BOOST_TEST(limited.reason == "rate_limited");
    BOOST_TEST(limited.retry_after_s.value_or(0) == 27);
    BOOST_TEST(limited.rate_limit == "tokens");
    BOOST_TEST(cli.server().request_count() == 1u);  // 27 s is past the one retry's 5 s: not asked again
}

BOOST_AUTO_TEST_CASE(after_forget_key_the_app_needs_setup_again_and_no_lock_file_is_left) {
    // A host asks needs_setup() at start: after the person forgot the key, the answer must be yes again
    // (the old code kept "setup completed" and never offered the wizard again). The lock files that guarded
    // the saves are hidden while they exist (".env.lock", not "..env.lock") and go with the key.
    const auto lock_files = [&] {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(cli.config_dir())) {
            if (entry.path().extension() == ".lock") {
                names.push_back(entry.path().filename().string());
            }
        }
        std::sort(names.begin(), names.end());
        return names;
    };
    store_verified_key();
    BOOST_TEST(!needs_setup(app()));
    BOOST_TEST(lock_files() == (std::vector<std::string>{".env.lock", ".settings.json.lock"}),
               boost::test_tools::per_element());

    const ForgetResult forgotten = forget_key(app());
    BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
    BOOST_TEST(needs_setup(app()));
    BOOST_TEST(lock_files().empty());
    BOOST_TEST(!load_key(app()).has_value());

    store_verified_key();  // the folder works as before: the locks come back with the next save
    BOOST_TEST(!needs_setup(app()));
}

BOOST_AUTO_TEST_CASE(sixteen_checks_in_parallel_each_get_their_answer) {
    // core.h says every call may run on many threads at once.
    const Options options = at_stand_in();
    const CheckResult first = check_key(options, valid_key);
    BOOST_TEST_REQUIRE(first.model_count > 0u);
    std::vector<CheckResult> results(16);
    std::vector<std::thread> threads;
    for (auto& result : results) {
        threads.emplace_back([&options, &result] { result = check_key(options, valid_key); });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const auto& result : results) {
        BOOST_TEST(result.reason == "ok", result.message);
        BOOST_TEST(result.model_count == first.model_count);
    }
    BOOST_TEST(cli.server().request_count() == 17u);
}

BOOST_AUTO_TEST_CASE(a_check_handle_dropped_inside_its_own_done_callback_is_safe) {
    // The old destructor joined the worker from the worker itself: "Resource deadlock avoided", the end of
    // the host's process.
    std::optional<CheckHandle> handle;
    std::promise<void> handle_set;
    std::promise<std::string> finished;
    handle = check_key_async(at_stand_in(), valid_key, [&](CheckResult result) {
        handle_set.get_future().wait();
        handle.reset();  // the last owner goes, on the worker
        finished.set_value(result.reason);
    });
    handle_set.set_value();
    auto reason = finished.get_future();
    BOOST_TEST(reason.get() == "ok");
}

BOOST_AUTO_TEST_CASE(a_done_callback_that_throws_does_not_end_the_program) {
    std::atomic<bool> called{false};
    {
        CheckHandle handle = check_key_async(at_stand_in(), valid_key, [&](const CheckResult&) {
            called = true;
            throw std::runtime_error("the host's bug");
        });
    }  // the destructor waits for the worker: the throw has happened by now
    BOOST_TEST(called.load());
    std::atomic<bool> store_called{false};
    std::promise<void> thrown;
    CallHandle call = needs_setup_async(app(), [&](bool) {
        store_called = true;
        thrown.set_value();
        throw std::logic_error("again");
    });
    thrown.get_future().wait();
    BOOST_TEST(call.wait_for(std::chrono::seconds(10)));  // the worker's last step after `done` threw
    BOOST_TEST(!call.running());
    BOOST_TEST(store_called.load());
}

BOOST_AUTO_TEST_CASE(the_async_keyring_and_file_calls_answer_as_the_blocking_ones) {
    const Options options = at_stand_in();
    const CheckResult checked = check_key(options, valid_key);
    BOOST_TEST_REQUIRE(checked.reason == "ok", checked.message);
    std::promise<SaveResult> saved;
    CallHandle save = save_key_async(options, valid_key, Storage::file, checked,
                                     [&](SaveResult result) { saved.set_value(std::move(result)); });
    const SaveResult save_result = saved.get_future().get();
    BOOST_TEST_REQUIRE(save_result.saved, save_result.message);

    std::promise<LoadResult> loaded;
    CallHandle load =
        load_key_async(options, [&](LoadResult result) { loaded.set_value(std::move(result)); });
    const LoadResult load_result = loaded.get_future().get();
    BOOST_TEST(load_result.reason == "ok");
    BOOST_TEST((load_result.key == std::optional<std::string>(valid_key)));

    std::promise<StoredKeyInfo> info;
    CallHandle stored =
        stored_key_async(options, [&](StoredKeyInfo result) { info.set_value(std::move(result)); });
    const StoredKeyInfo stored_info = info.get_future().get();
    BOOST_TEST(stored_info.stored);
    BOOST_TEST(stored_info.masked_key == mask_key(valid_key));
    BOOST_TEST(stored_info.last_check_status == "valid");

    std::promise<bool> setup;
    CallHandle needs = needs_setup_async(options, [&](bool result) { setup.set_value(result); });
    BOOST_TEST(!setup.get_future().get());

    std::promise<ForgetResult> forgot;
    CallHandle forget =
        forget_key_async(options, [&](ForgetResult result) { forgot.set_value(std::move(result)); });
    BOOST_TEST(forgot.get_future().get().ok);
    BOOST_TEST(needs_setup(options));
}

BOOST_AUTO_TEST_CASE(an_abandoned_call_never_calls_done_and_the_call_still_finishes) {
    // A save is never cut half way: abandoning its handle only stops the answer.
    const Options options = at_stand_in();
    std::atomic<bool> called{false};
    CallHandle save = save_key_async(options, valid_key, Storage::file, std::nullopt,
                                     [&](const SaveResult&) { called = true; });
    save.abandon();
    const bool called_before_abandon_returned = called.load();
    BOOST_TEST(save.wait_for(std::chrono::seconds(10)));              // what a host does before it exits
    BOOST_TEST(CallHandle().wait_for(std::chrono::milliseconds(0)));  // no call: nothing to wait for
    BOOST_TEST(called.load() == called_before_abandon_returned);      // nothing after abandon() returned
    BOOST_TEST(stored_key(options).stored);                           // the save itself went through
}

BOOST_AUTO_TEST_CASE(saved_settings_round_trip_and_settings_a_check_cannot_use_save_nothing) {
    const SavedSettingsRead fresh = saved_settings(app());
    BOOST_TEST(fresh.problem.empty());
    BOOST_TEST(fresh.settings.base_url.empty());
    BOOST_TEST(fresh.settings.timeout_seconds == 30);

    SavedSettings edited;
    edited.organization = "org-settingstest";
    edited.project = "proj_settingstest";
    edited.timeout_seconds = 45;
    edited.required_models = {"gpt-4o-mini"};
    edited.recheck_interval_hours = 0;
    const SettingsSaveResult saved = save_settings(app(), edited);
    BOOST_TEST_REQUIRE(saved.saved, saved.message);
    const SavedSettings read = saved_settings(app()).settings;
    BOOST_TEST(read.organization == "org-settingstest");
    BOOST_TEST(read.project == "proj_settingstest");
    BOOST_TEST(read.timeout_seconds == 45);
    BOOST_TEST(read.required_models == std::vector<std::string>{"gpt-4o-mini"});
    BOOST_TEST(read.recheck_interval_hours == 0);
    // What a check uses now says where each value came from: the saved file, under no environment.
    Options plain = app();
    plain.ca_file.reset();
    const Endpoint endpoint = resolve_endpoint(plain);
    BOOST_TEST(endpoint.organization.value == "org-settingstest");
    BOOST_TEST((endpoint.organization.source == Source::settings));

    // A key would go in clear text to another computer: refused, and the file keeps what it had.
    SavedSettings insecure = edited;
    insecure.base_url = "http://api.example.com/v1";
    const SettingsSaveResult refused = save_settings(app(), insecure);
    BOOST_TEST(!refused.saved);
    BOOST_TEST(refused.message.find("Nothing was saved") != std::string::npos, refused.message);
    SavedSettings no_time = edited;
    no_time.timeout_seconds = 0;
    BOOST_TEST(!save_settings(app(), no_time).saved);
    BOOST_TEST(saved_settings(app()).settings.base_url.empty());
    BOOST_TEST(saved_settings(app()).settings.timeout_seconds == 45);

    Options bad = app();
    bad.app_id = "../escape";
    BOOST_TEST(!saved_settings(bad).problem.empty());
    BOOST_TEST(!save_settings(bad, edited).saved);
}

BOOST_AUTO_TEST_CASE(check_stored_key_records_the_check_and_keeps_the_key_where_it_was_verified) {
    cli.serve(Reply::json(200, models_list_body()));
    const CheckResult none = check_stored_key(app());
    BOOST_TEST(none.reason == "no_key");
    BOOST_TEST((none.status == Status::unverified));
    BOOST_TEST(cli.server().request_count() == 0u);

    store_verified_key();
    const std::size_t after_saving = cli.server().request_count();
    const CheckResult here = check_stored_key(app());
    BOOST_TEST(here.reason == "ok", here.message);
    BOOST_TEST(here.masked_key == mask_key(valid_key));
    BOOST_TEST(here.message.find(valid_key) == std::string::npos);
    BOOST_TEST(cli.server().request_count() == after_saving + 1);
    BOOST_TEST(stored_key(app()).last_check_status == "valid");

    // The host's settings page moves the base URL: saved, but the key stays bound to where it was verified.
    const std::string moved_url = cli.server().base_url() + "/v2";
    SavedSettings moved = saved_settings(app()).settings;
    moved.base_url = moved_url;
    BOOST_TEST_REQUIRE(save_settings(app(), moved).saved);
    const CheckResult refused = check_stored_key(app());
    BOOST_TEST(refused.reason == "endpoint_changed", refused.message);
    BOOST_TEST(cli.server().request_count() == after_saving + 1);  // not sent
    BOOST_TEST(load_key_checked(app()).reason == "endpoint_changed");

    // A check of another key there binds nothing.
    Options there = app();
    there.base_url = moved_url;
    const CheckResult other = check_key(there, other_valid_key);
    BOOST_TEST_REQUIRE(other.reason == "ok");
    const SettingsSaveResult not_bound = save_settings(app(), moved, &other);
    BOOST_TEST(not_bound.saved);
    BOOST_TEST(not_bound.message.find("not recorded") != std::string::npos, not_bound.message);
    BOOST_TEST(load_key_checked(app()).reason == "endpoint_changed");

    // The person agreed: the stored key checked there, and that check saved with the settings, binds it.
    const CheckResult confirmed = check_stored_key(there);
    BOOST_TEST_REQUIRE(confirmed.reason == "ok", confirmed.message);
    BOOST_TEST(save_settings(app(), moved, &confirmed).saved);
    BOOST_TEST(load_key_checked(app()).key.value_or("") == valid_key);
    BOOST_TEST(stored_key(app()).verified_base_url == moved_url);
    BOOST_TEST(check_stored_key(app()).reason == "ok");
}

BOOST_AUTO_TEST_CASE(recheck_due_once_the_last_check_is_older_than_the_interval) {
    BOOST_TEST(!recheck_due(app()));  // never checked: nothing to re-check
    store_verified_key();
    BOOST_TEST(!recheck_due(app()));  // checked just now
    const auto settings_file = cli.config_dir() / "settings.json";
    nlohmann::json saved = nlohmann::json::parse(std::ifstream(settings_file));
    saved["last_check"]["time"] = "2020-01-01T00:00:00Z";
    std::ofstream(settings_file) << saved.dump();
    BOOST_TEST(stored_key(app()).last_check_time == "2020-01-01T00:00:00Z");
    BOOST_TEST(recheck_due(app()));
    SavedSettings never = saved_settings(app()).settings;
    never.recheck_interval_hours = 0;
    BOOST_TEST_REQUIRE(save_settings(app(), never).saved);
    BOOST_TEST(!recheck_due(app()));
}

BOOST_AUTO_TEST_CASE(check_stored_key_async_answers_as_the_blocking_call_and_can_be_cancelled) {
    // One stand-in (the key is bound to its address) that stops answering when told to.
    auto silent = std::make_shared<std::atomic<bool>>(false);
    cli.serve([silent](const RecordedRequest&, std::size_t) {
        return *silent ? Reply::silence() : Reply::json(200, models_list_body());
    });
    store_verified_key();
    std::promise<CheckResult> answered;
    CheckHandle handle = check_stored_key_async(
        app(), CheckOptions{}, [&](CheckResult result) { answered.set_value(std::move(result)); });
    const CheckResult result = answered.get_future().get();
    BOOST_TEST(result.reason == check_stored_key(app()).reason);
    BOOST_TEST(result.masked_key == mask_key(valid_key));

    // Now it never answers: only the cancel ends the check.
    *silent = true;
    const std::size_t before = cli.server().request_count();
    std::promise<CheckResult> cancelled;
    CheckHandle slow = check_stored_key_async(
        app(), CheckOptions{}, [&](CheckResult result) { cancelled.set_value(std::move(result)); });
    BOOST_TEST_REQUIRE(cli.server().wait_for_requests(before + 1, std::chrono::seconds(10)));
    slow.cancel();
    BOOST_TEST(cancelled.get_future().get().reason == "cancelled");
}

BOOST_AUTO_TEST_CASE(a_key_of_another_provider_is_neither_checked_nor_saved_for_openai) {
    // An Anthropic key where the OpenAI key goes: named, never sent, and not saved even unchecked (load_key
    // would hand it to the host for OpenAI's base URL).
    const std::string anthropic_key = "sk-ant-api03-kwtestANTHROPIC0123456789abcdef";
    const CheckResult checked = check_key(at_stand_in(), anthropic_key);
    BOOST_TEST(std::string(to_string(checked.status)) == "rejected");
    BOOST_TEST(checked.reason == reason::wrong_provider);
    BOOST_TEST(checked.message.find("Anthropic") != std::string::npos, checked.message);
    BOOST_TEST(exit_code_for(checked.status) == 2);
    BOOST_TEST(cli.server().connection_count() == 0u);

    const SaveResult saved = save_key(app(), anthropic_key, Storage::file);
    BOOST_TEST(!saved.saved);
    BOOST_TEST(saved.message.find("Anthropic") != std::string::npos, saved.message);
    BOOST_TEST(!stored_key(app()).stored);
    BOOST_TEST(cli.files_containing(anthropic_key).empty());
}

BOOST_AUTO_TEST_CASE(the_installed_reason_codes_are_the_librarys_own_and_each_is_documented) {
    // <keywizard/reasons.h> against net/reason_table.cpp: the same codes, statuses and retries, none missing.
    std::set<std::string> listed;
    for (const keywizard::ReasonCode& code : keywizard::reason_codes) {
        BOOST_TEST_CONTEXT(code.code) {
            BOOST_TEST(listed.insert(code.code).second);  // no code twice
            const auto named = keywizard::net::reason_named(code.code);
            BOOST_TEST_REQUIRE(named.has_value());
            const keywizard::net::ReasonRow& row = keywizard::net::reason_row(*named);
            BOOST_TEST(to_string(code.status) == keywizard::net::to_string(row.status));
            BOOST_TEST(code.retryable == row.retryable);
        }
    }
    BOOST_TEST(listed.size() == static_cast<std::size_t>(keywizard::net::Reason::count));

    // docs/reasons.md (installed in share/doc/keywizard) has a row for every code, and for none other.
    std::ifstream page(std::filesystem::path(KEYWIZARD_SOURCE_DIR) / "docs" / "reasons.md");
    BOOST_TEST_REQUIRE(page.good());
    std::set<std::string> documented;
    std::string line;
    while (std::getline(page, line)) {
        if (line.rfind("| `", 0) == 0) {
            documented.insert(line.substr(3, line.find('`', 3) - 3));
        }
    }
    for (const char* status : {"valid", "rejected", "limited", "unverified"}) {
        documented.erase(status);  // the table of statuses
    }
    BOOST_TEST(documented == listed, "docs/reasons.md lists other codes than <keywizard/reasons.h>");
    BOOST_TEST(std::string(keywizard::reason::unreadable) == "unreadable");  // load_key_checked's own
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
