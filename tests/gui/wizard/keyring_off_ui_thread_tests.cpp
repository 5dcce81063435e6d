// DESIGN.md's "Keyring calls never run on the UI thread", proven by behaviour: with a slow keyring (every
// blocking libsecret call keywizard makes waits a while first, as when the provider is busy or waits on a
// prompt), the wizard's UI thread keeps answering while the wizard probes the keyring at start and while it
// saves a key into it. And the keyring is not asked before the first page is painted.
//
// The slowness comes from this file defining the libsecret functions for the test executable: while a
// KeyringDelay is alive each one sleeps, then calls the real libsecret function (dlsym RTLD_NEXT) against
// the real gnome-keyring of scripts/test-session. Outside that window they only pass the call on.
#include <dlfcn.h>

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/radiobut.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "keywizard/wx.h"
#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"

using namespace keywizard::test;
using keywizard::settings::KeyStorage;
using keywizard::settings::SecretReadState;
using keywizard::ui::PageId;
using Clock = std::chrono::steady_clock;

namespace {

std::atomic<int> keyring_delay_ms{0};
std::atomic<int> delayed_calls{0};

void slow_keyring_down() {
    if (const int delay = keyring_delay_ms.load(); delay > 0) {
        ++delayed_calls;
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
}

template <typename Function>
Function real(const char* name) {
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

// Makes every blocking libsecret call wait `delay` while it lives.
class KeyringDelay {
  public:
    explicit KeyringDelay(std::chrono::milliseconds delay) {
        keyring_delay_ms = static_cast<int>(delay.count());
    }
    ~KeyringDelay() { keyring_delay_ms = 0; }
};

// A watchdog thread asks the UI thread to answer (CallAfter) every 10 ms and keeps the longest time an
// answer took: how long the UI thread was kept from handling events, whatever kept it.
class UiHeartbeat {
  public:
    UiHeartbeat() : watchdog_([this] { Watch(); }) {}
    ~UiHeartbeat() { Stop(); }

    void Stop() {
        {
            std::lock_guard lock(state_->mutex);
            state_->stopping = true;
        }
        state_->changed.notify_all();
        if (watchdog_.joinable()) {
            watchdog_.join();
        }
    }
    std::chrono::milliseconds longest_wait() const {
        std::lock_guard lock(state_->mutex);
        return std::chrono::duration_cast<std::chrono::milliseconds>(state_->longest);
    }
    int answered() const {
        std::lock_guard lock(state_->mutex);
        return state_->answered;
    }

  private:
    struct State {
        std::mutex mutex;
        std::condition_variable changed;
        bool stopping = false;
        int asked = 0;
        int answered = 0;
        Clock::duration longest{};
    };

    void Watch() {
        std::unique_lock lock(state_->mutex);
        while (!state_->stopping) {
            const int question = ++state_->asked;
            const auto asked_at = Clock::now();
            wxTheApp->CallAfter([state = state_, question] {
                std::lock_guard answer_lock(state->mutex);
                state->answered = std::max(state->answered, question);
                state->changed.notify_all();
            });
            state_->changed.wait(lock, [&] { return state_->stopping || state_->answered >= question; });
            if (state_->answered >= question) {
                state_->longest = std::max(state_->longest, Clock::now() - asked_at);
            }
            state_->changed.wait_for(lock, std::chrono::milliseconds(10), [&] { return state_->stopping; });
        }
    }

    std::shared_ptr<State> state_ = std::make_shared<State>();
    std::thread watchdog_;
};

// A UI thread that made even one slowed-down keyring call would be held up longer than this. Well above
// what painting a page takes, even in the sanitizer build on a busy machine.
constexpr auto longest_acceptable_wait = std::chrono::milliseconds(750);

}  // namespace

// The blocking libsecret calls of settings/keyring_store.cpp, with libsecret's C signatures (pointers and
// enums), so this file needs no libsecret headers.
extern "C" {
void* secret_service_get_sync(int flags, void* cancellable, void** error) {
    slow_keyring_down();
    return real<void* (*)(int, void*, void**)>("secret_service_get_sync")(flags, cancellable, error);
}
void* secret_collection_for_alias_sync(void* service, const char* alias, int flags, void* cancellable,
                                       void** error) {
    slow_keyring_down();
    return real<void* (*)(void*, const char*, int, void*, void**)>("secret_collection_for_alias_sync")(
        service, alias, flags, cancellable, error);
}
void* secret_service_search_sync(void* service, const void* schema, void* attributes, int flags,
                                 void* cancellable, void** error) {
    slow_keyring_down();
    return real<void* (*)(void*, const void*, void*, int, void*, void**)>("secret_service_search_sync")(
        service, schema, attributes, flags, cancellable, error);
}
int secret_service_store_sync(void* service, const void* schema, void* attributes, const char* collection,
                              const char* label, void* value, void* cancellable, void** error) {
    slow_keyring_down();
    return real<int (*)(void*, const void*, void*, const char*, const char*, void*, void*, void**)>(
        "secret_service_store_sync")(service, schema, attributes, collection, label, value, cancellable,
                                     error);
}
int secret_item_delete_sync(void* item, void* cancellable, void** error) {
    slow_keyring_down();
    return real<int (*)(void*, void*, void**)>("secret_item_delete_sync")(item, cancellable, error);
}
}

BOOST_AUTO_TEST_SUITE(keyring_off_ui_thread_tests)

BOOST_AUTO_TEST_CASE(a_slow_keyring_never_holds_up_the_wizard_at_start_or_while_saving) {
    auto server = start_api(models_reply());
    WizardFixture f(/*first_run=*/false, /*start=*/false);
    {
        const auto forgotten = KeyStorage(f.config_dir()).forget_key();  // the session keyring is shared
        BOOST_TEST_REQUIRE(forgotten.ok, forgotten.message);
    }

    // After the first paint the wizard asks whether the keyring can take a key (that nothing is asked before
    // it: the_first_page_is_painted_before_the_keyring_is_asked). The probe is made slow: its first call
    // alone takes 4.5 s, close to the 5 s bound of a keyring operation; the UI thread must keep answering.
    const auto probe_delay = std::chrono::milliseconds(4500);
    std::chrono::milliseconds probe_wait{};
    int calls = delayed_calls.load();
    {
        KeyringDelay slow(probe_delay);
        f.create(/*first_run=*/false);
        UiHeartbeat heartbeat;
        BOOST_TEST_REQUIRE(pump_until([&] { return f.start_facts().has_value(); }, 30s));
        heartbeat.Stop();
        probe_wait = heartbeat.longest_wait();
    }
    BOOST_TEST(delayed_calls.load() > calls);  // the probe did ask the (slow) keyring
    BOOST_TEST(probe_wait < longest_acceptable_wait,
               "the UI thread was held up for " << probe_wait.count() << " ms while the keyring was probed");

    // The slow probe may have given up on the keyring: start over with a wizard that found it usable.
    f.create(/*first_run=*/false);
    BOOST_TEST_REQUIRE(pump_until([&] { return f.start_facts().has_value(); }, 30s));
    BOOST_TEST_REQUIRE(!f.start_facts()->keyring_problem.has_value());
    calls = delayed_calls.load();

    // Saving: every keyring call of the save waits 1 s (a few of them stay within the 5 s bound); the UI
    // thread must keep answering throughout.
    f.start_key_test(server.get(), valid_key);
    BOOST_TEST_REQUIRE(f.wait_for_result());
    std::chrono::milliseconds save_wait{};
    {
        KeyringDelay slow(std::chrono::milliseconds(1000));
        UiHeartbeat heartbeat;
        click(f.next_button());
        BOOST_TEST_REQUIRE(pump_until([&] { return f.current() == PageId::done; }, 30s));
        heartbeat.Stop();
        save_wait = heartbeat.longest_wait();
        BOOST_TEST(heartbeat.answered() > 10);  // the save took a while (1 s per keyring call)
    }
    BOOST_TEST_MESSAGE("longest UI wait while probing " << probe_wait.count() << " ms, while saving "
                                                        << save_wait.count() << " ms");
    BOOST_TEST(delayed_calls.load() > calls);  // the save did use the (slow) keyring
    BOOST_TEST(save_wait < longest_acceptable_wait,
               "the UI thread was held up for " << save_wait.count() << " ms while the key was saved");

    const auto stored = KeyStorage(f.config_dir()).read_key();
    BOOST_TEST((stored.state == SecretReadState::found), stored.message);
    BOOST_TEST((stored.key == valid_key));
    BOOST_TEST(KeyStorage(f.config_dir()).forget_key().ok);
}

// Notes how many keyring calls had been made when the first window (any of them) was painted.
class FirstPaintWatch : public wxEventFilter {
  public:
    FirstPaintWatch() { wxEvtHandler::AddFilter(this); }
    ~FirstPaintWatch() override { wxEvtHandler::RemoveFilter(this); }
    FirstPaintWatch(const FirstPaintWatch&) = delete;
    FirstPaintWatch& operator=(const FirstPaintWatch&) = delete;

    int FilterEvent(wxEvent& event) override {
        if (!calls_at_first_paint && event.GetEventType() == wxEVT_PAINT) {
            calls_at_first_paint = delayed_calls.load();
        }
        return Event_Skip;
    }
    std::optional<int> calls_at_first_paint;
};

// Nothing on the first page needs the keyring: it is painted first, then the keyring is probed.
BOOST_AUTO_TEST_CASE(the_first_page_is_painted_before_the_keyring_is_asked) {
    WizardFixture f(/*first_run=*/false, /*start=*/false);
    const int calls = delayed_calls.load();
    FirstPaintWatch watch;
    {
        KeyringDelay counted(std::chrono::milliseconds(1));  // every keyring call is counted
        f.create(/*first_run=*/false);
        BOOST_TEST_REQUIRE(pump_until([&] { return f.start_facts().has_value(); }, 30s));
    }
    BOOST_TEST_REQUIRE(watch.calls_at_first_paint.has_value());
    BOOST_TEST(*watch.calls_at_first_paint == calls);
    BOOST_TEST(delayed_calls.load() > calls);  // and then it was asked
}

// A wizard that is never painted (kept off screen, never shown) still learns its start facts.
BOOST_AUTO_TEST_CASE(a_wizard_never_painted_still_probes_the_keyring) {
    WizardFixture f(/*first_run=*/false, /*start=*/false);
    keywizard::ui::KeyWizardOptions options;
    options.app.config_dir = f.config_dir();
    keywizard::ui::WizardDriver hidden(nullptr, options);  // not Start()ed: never shown
    BOOST_TEST_REQUIRE(pump_until([&] { return hidden.StartFacts().has_value(); }, 30s));
    BOOST_TEST(!hidden.window().IsShown());
    hidden.Destroy();
    pump_events();
}

// A host built from docs/embedding.md: every keyring call of the public wx API (wx.h) answers on the UI
// thread and never holds it up, while each keyring call takes 1.5 s (a Secret Service that is slow to
// answer). The old way, NeedsSetup() and load_key() on the UI thread, held it for seconds.
BOOST_AUTO_TEST_CASE(the_public_async_calls_answer_on_the_ui_thread_without_holding_it_up) {
    WizardFixture f(/*first_run=*/false, /*start=*/false);
    keywizard::Options options;
    options.app_id = "com.example.AsyncHost";
    options.config_dir = f.config_dir();
    BOOST_TEST_REQUIRE(keywizard::forget_key(options).ok);  // the session keyring is shared
    wxEvtHandler owner;                                     // what a host's frame is to the calls

    // Runs `start` (one *Async call) on the UI thread; waits for its answer there.
    const auto call = [&](const char* what, auto start) {
        bool answered = false;
        bool on_ui_thread = false;
        const int calls_before = delayed_calls.load();
        UiHeartbeat heartbeat;
        keywizard::CallHandle handle = start([&] {
            answered = true;
            on_ui_thread = wxIsMainThread();
        });
        const bool answered_at_return = answered;
        BOOST_TEST_REQUIRE(pump_until([&] { return answered; }, 30s), what);
        heartbeat.Stop();
        BOOST_TEST(!answered_at_return, what);  // the call returned before the keyring answered
        BOOST_TEST(on_ui_thread, what);
        BOOST_TEST(delayed_calls.load() > calls_before, what);  // it did reach the (slow) keyring
        BOOST_TEST(heartbeat.longest_wait() < longest_acceptable_wait,
                   what << ": the UI thread was held up for " << heartbeat.longest_wait().count() << " ms");
    };

    KeyringDelay slow(std::chrono::milliseconds(1500));
    bool needed = false;
    call("NeedsSetupAsync", [&](auto answer) {
        return keywizard::NeedsSetupAsync(&owner, options, [&, answer](bool result) {
            needed = result;
            answer();
        });
    });
    BOOST_TEST(needed);
    keywizard::SaveResult saved;
    call("SaveKeyAsync", [&](auto answer) {
        return keywizard::SaveKeyAsync(&owner, options, valid_key, keywizard::Storage::keyring, std::nullopt,
                                       [&, answer](const keywizard::SaveResult& result) {
                                           saved = result;
                                           answer();
                                       });
    });
    BOOST_TEST_REQUIRE(saved.saved, saved.message);
    keywizard::LoadResult loaded;
    call("LoadKeyAsync", [&](auto answer) {
        return keywizard::LoadKeyAsync(&owner, options, [&, answer](const keywizard::LoadResult& result) {
            loaded = result;
            answer();
        });
    });
    BOOST_TEST((loaded.key == std::optional<std::string>(valid_key)));
    keywizard::StoredKeyInfo stored;
    call("StoredKeyAsync", [&](auto answer) {
        return keywizard::StoredKeyAsync(&owner, options,
                                         [&, answer](const keywizard::StoredKeyInfo& result) {
                                             stored = result;
                                             answer();
                                         });
    });
    BOOST_TEST((stored.storage == std::optional<keywizard::Storage>(keywizard::Storage::keyring)));
    keywizard::ForgetResult forgotten;
    call("ForgetKeyAsync", [&](auto answer) {
        return keywizard::ForgetKeyAsync(&owner, options, [&, answer](const keywizard::ForgetResult& result) {
            forgotten = result;
            answer();
        });
    });
    BOOST_TEST(forgotten.ok, forgotten.message);
}

BOOST_AUTO_TEST_SUITE_END()
