#include <boost/test/unit_test.hpp>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include "tests/gui/gui_test_support.h"
#include "wizard/widgets/background_task.h"

using keywizard::net::CancelTokenPtr;
using keywizard::ui::BackgroundTask;
using namespace keywizard::test;

namespace {

// Holds a worker until the test lets it go, so "still running" is a fact and not a timing guess.
class Gate {
  public:
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }
    // Returns true when opened, false when the job was cancelled first.
    bool wait(const CancelTokenPtr& cancel) {
        std::unique_lock lock(mutex_);
        while (!open_) {
            if (cancel->cancelled()) {
                return false;
            }
            changed_.wait_for(lock, 5ms);
        }
        return true;
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(background_task_tests)

BOOST_AUTO_TEST_CASE(result_arrives_on_the_ui_thread) {
    BackgroundTask task;
    std::optional<int> result;
    std::thread::id delivered_on;
    std::thread::id worked_on;
    task.start<int>(
        [&](const CancelTokenPtr&) {
            worked_on = std::this_thread::get_id();
            return 42;
        },
        [&](int value) {
            delivered_on = std::this_thread::get_id();
            result = value;
        });
    BOOST_TEST(task.running());
    BOOST_REQUIRE(pump_until([&] { return result.has_value(); }));
    BOOST_TEST(*result == 42);
    BOOST_TEST((delivered_on == std::this_thread::get_id()));
    BOOST_TEST((worked_on != std::this_thread::get_id()));
    BOOST_TEST(!task.running());
}

BOOST_AUTO_TEST_CASE(cancel_drops_the_result_and_returns_at_once) {
    BackgroundTask task;
    Gate gate;
    bool delivered = false;
    bool worker_saw_cancel = false;
    task.start<int>(
        [&](const CancelTokenPtr& cancel) {
            worker_saw_cancel = !gate.wait(cancel);
            return 1;
        },
        [&](int) { delivered = true; });
    task.cancel();  // the worker is still waiting at the gate: cancel must not wait for it
    BOOST_TEST(!task.running());
    pump_for(100ms);
    BOOST_TEST(!delivered);
    gate.open();
    pump_for(50ms);
    BOOST_TEST(!delivered);
    BOOST_TEST(worker_saw_cancel);
}

BOOST_AUTO_TEST_CASE(a_new_start_supersedes_the_running_job) {
    BackgroundTask task;
    Gate first_gate;
    std::vector<int> delivered;
    task.start<int>(
        [&](const CancelTokenPtr& cancel) {
            first_gate.wait(cancel);
            return 1;
        },
        [&](int value) { delivered.push_back(value); });
    task.start<int>([](const CancelTokenPtr&) { return 2; }, [&](int value) { delivered.push_back(value); });
    BOOST_REQUIRE(pump_until([&] { return !delivered.empty(); }));
    pump_for(50ms);
    BOOST_TEST(delivered == std::vector<int>{2});
}

BOOST_AUTO_TEST_CASE(destroying_the_owner_cancels_and_joins_the_worker) {
    std::atomic<bool> worker_finished{false};
    bool delivered = false;
    Gate gate;  // never opened: only the cancel lets the worker go
    {
        BackgroundTask task;
        task.start<int>(
            [&](const CancelTokenPtr& cancel) {
                gate.wait(cancel);
                worker_finished = true;
                return 1;
            },
            [&](int) { delivered = true; });
    }
    BOOST_TEST(worker_finished.load());  // joined by the destructor
    pump_for(50ms);
    BOOST_TEST(!delivered);  // the queued result found its job dropped
}

BOOST_AUTO_TEST_CASE(an_exception_in_the_work_reaches_on_error) {
    BackgroundTask task;
    std::optional<std::string> error;
    task.start<int>([](const CancelTokenPtr&) -> int { throw std::runtime_error("disk on fire"); },
                    [](int) { BOOST_ERROR("on_done must not run"); },
                    [&](std::string what) { error = std::move(what); });
    BOOST_REQUIRE(pump_until([&] { return error.has_value(); }));
    BOOST_TEST(*error == "disk on fire");
}

BOOST_AUTO_TEST_SUITE_END()
