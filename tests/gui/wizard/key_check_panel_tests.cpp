// The check panel's state machine, with jobs the test holds at a gate: what Testing shows, that Cancel
// returns to Ready at once and the late result is dropped, and that destroying the panel joins the worker.
#include <boost/test/unit_test.hpp>

#include <wx/activityindicator.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/stattext.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "tests/gui/gui_test_support.h"
#include "wizard/widgets/activity_warmup.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_check_panel.h"

using namespace keywizard::test;
using keywizard::net::KeyCheckOutcome;
using keywizard::net::KeyStatus;
using keywizard::ui::KeyCheckJob;
using keywizard::ui::KeyCheckPanel;

namespace {

struct GatedJobs {
    std::mutex mutex;
    std::condition_variable opened_cv;
    bool opened = false;
    std::atomic<int> runs{0};
    std::atomic<bool> saw_cancel{false};

    void open() {
        {
            std::lock_guard lock(mutex);
            opened = true;
        }
        opened_cv.notify_all();
    }

    KeyCheckJob job(KeyStatus status) {
        KeyCheckJob job;
        job.endpoint.base_url = "https://127.0.0.1:9/v1";
        job.run = [this, status](const keywizard::net::CancelTokenPtr& cancel) {
            ++runs;
            std::unique_lock lock(mutex);
            while (!opened && !cancel->cancelled()) {
                opened_cv.wait_for(lock, 5ms);
            }
            saw_cancel = cancel->cancelled();
            KeyCheckOutcome outcome;
            outcome.status = status;
            outcome.reason = status == KeyStatus::valid ? keywizard::net::Reason::ok
                                                        : keywizard::net::Reason::invalid_api_key;
            outcome.message = "from the gated job";
            outcome.request_id = "req_gated";
            return outcome;
        };
        return job;
    }
};

struct PanelInFrame {
    PanelInFrame() {
        frame = new wxFrame(nullptr, wxID_ANY, "check panel");
        panel = new KeyCheckPanel(frame,
                                  [this] { return std::optional<KeyCheckJob>(jobs.job(KeyStatus::valid)); });
        panel->Bind(keywizard::ui::EVT_KEY_CHECK_STATE,
                    [this](wxCommandEvent& event) { states.push_back(event.GetInt()); });
        frame->Show();
        pump_events();
    }
    ~PanelInFrame() {
        jobs.open();
        if (frame != nullptr) {
            frame->Destroy();
            pump_events();
        }
    }
    template <class T>
    T* child(const char* name) {
        return find_by_name<T>(panel, name);
    }

    GatedJobs jobs;
    wxFrame* frame = nullptr;
    KeyCheckPanel* panel = nullptr;
    std::vector<int> states;  // KeyCheckPanel::State of every EVT_KEY_CHECK_STATE
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(key_check_panel_tests, PanelInFrame)

// GTK loads the spinner's theme icon the first time one is drawn (a UI stall): a shown panel has it loaded
// after its first paint, before anyone presses Test key.
BOOST_AUTO_TEST_CASE(the_spinner_icon_is_loaded_once_the_panel_was_painted_before_any_test) {
    frame->Refresh();
    BOOST_TEST(pump_until([] { return keywizard::ui::activity_indicator_warmed(); }));
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(jobs.runs == 0);
}

BOOST_AUTO_TEST_CASE(testing_shows_cancel_and_the_spinner_then_the_result) {
    BOOST_TEST(!is_visible(child<wxWindow>("check_result")));
    click(child<wxButton>("test_key_button"));
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::testing));
    BOOST_TEST(is_visible(child<wxWindow>("cancel_test_button")));
    BOOST_TEST(child<wxActivityIndicator>("test_activity")->IsRunning());
    BOOST_TEST(!child<wxButton>("test_key_button")->IsEnabled());

    jobs.open();
    BOOST_TEST_REQUIRE(pump_until([&] { return panel->GetState() == KeyCheckPanel::State::result; }));
    BOOST_TEST(!is_visible(child<wxWindow>("cancel_test_button")));
    BOOST_TEST(!child<wxActivityIndicator>("test_activity")->IsRunning());
    BOOST_TEST(is_visible(child<wxWindow>("check_result")));
    BOOST_TEST(child<wxStaticText>("result_verdict")->GetLabel() == "This key works.");
    BOOST_TEST(panel->GetOutcome()->request_id == "req_gated");
    const std::vector<int> expected{static_cast<int>(KeyCheckPanel::State::testing),
                                    static_cast<int>(KeyCheckPanel::State::result)};
    BOOST_TEST(states == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cancel_returns_to_ready_at_once_and_drops_the_late_result) {
    panel->StartTest();
    BOOST_TEST_REQUIRE(pump_until([&] { return jobs.runs == 1; }));
    click(child<wxButton>("cancel_test_button"));
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(!panel->GetOutcome().has_value());
    BOOST_TEST_REQUIRE(pump_until([&] { return jobs.saw_cancel.load(); }));  // the worker was told
    pump_for(50ms);
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));  // its result never arrived
}

BOOST_AUTO_TEST_CASE(reset_after_a_result_hides_it) {
    jobs.open();
    panel->StartTest();
    BOOST_TEST_REQUIRE(pump_until([&] { return panel->GetState() == KeyCheckPanel::State::result; }));
    panel->Reset();
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(!is_visible(child<wxWindow>("check_result")));
}

BOOST_AUTO_TEST_CASE(test_is_refused_while_not_allowed) {
    panel->SetTestAllowed(false);
    BOOST_TEST(!child<wxButton>("test_key_button")->IsEnabled());
    panel->StartTest();
    BOOST_TEST((panel->GetState() == KeyCheckPanel::State::ready));
    BOOST_TEST(jobs.runs == 0);
}

BOOST_AUTO_TEST_CASE(destroying_the_panel_mid_test_joins_the_worker) {
    panel->StartTest();
    BOOST_TEST_REQUIRE(pump_until([&] { return jobs.runs == 1; }));
    frame->Destroy();
    frame = nullptr;
    pump_events();
    // The gate was never opened: only the destructor's cancel let the worker end, and it was joined.
    BOOST_TEST(jobs.saw_cancel.load());
}

BOOST_AUTO_TEST_SUITE_END()
