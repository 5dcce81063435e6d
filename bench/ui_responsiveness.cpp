// bench_ui_responsiveness: how the UI thread fares while the key check panel (keywizard_widgets) tests a key
// against a server that answers after 3 s. A 10 ms wxTimer ticks all along; a gap between two ticks is time
// the event loop could not run. Measured, in this order:
//   idle      3 s with nothing running: what this machine and display give any program (the baseline)
//   test      Test key pressed, until the result is shown (about 3 s): longest gap, 99th percentile
//   cancel    Test key pressed, Cancel pressed 1 s later: time from the Cancel click being queued to the
//             panel being ready again, and to the worker's check returning (libcurl notices the token)
// Clicks go through the buttons' own wxEVT_BUTTON, queued like a person's click.
//
//   bench_ui_responsiveness --base-url URL --ca-file PATH [--runs N]
//   prints key=value lines (milliseconds), read by scripts/bench.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/timer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "net/http_client.h"
#include "net/models_check.h"
#include "wizard/widgets/key_check_panel.h"

namespace {

using Clock = std::chrono::steady_clock;
using keywizard::ui::KeyCheckPanel;

// Shaped like a project key, plainly fake.
const std::string bench_key = "sk-proj-kwbench0123kwbench4567kwbench89ABkwbenchCDEF";

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1))];
}

double median(std::vector<double> values) {
    return percentile(std::move(values), 0.5);
}

double maximum(const std::vector<double>& values) {
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

struct Options {
    std::string base_url;
    std::string ca_file;
    int runs = 5;
};

class BenchFrame : public wxFrame {
  public:
    explicit BenchFrame(Options options)
        : wxFrame(nullptr, wxID_ANY, "keywizard UI responsiveness"), options_(std::move(options)) {
        panel_ = new KeyCheckPanel(this, [this] { return MakeJob(); });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(panel_, 1, wxEXPAND | wxALL, FromDIP(12));
        SetSizerAndFit(sizer);
        SetSize(FromDIP(wxSize(640, 360)));

        panel_->Bind(keywizard::ui::EVT_KEY_CHECK_STATE, [this](wxCommandEvent& event) {
            OnStateChanged(static_cast<KeyCheckPanel::State>(event.GetInt()));
            event.Skip();
        });
        ticker_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { OnTick(); });
        step_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { NextStep(); });
        poll_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { WaitForWorker(); });
    }

    void Begin() {
        last_tick_ = Clock::now();
        ticker_.Start(10);
        phase_ = Phase::idle;
        step_.StartOnce(3000);
    }

  private:
    enum class Phase { idle, test, cancel_wait, cancelled, done };

    std::optional<keywizard::ui::KeyCheckJob> MakeJob() {
        keywizard::net::KeyCheckRequest request;
        request.raw_key = bench_key;
        request.endpoint.base_url = options_.base_url + "/slow/v1";
        request.endpoint.ca_file = options_.ca_file;
        request.endpoint.timeout = std::chrono::seconds(10);
        auto job = keywizard::ui::make_key_check_job(std::move(request));
        // Notes when the worker's check returns, to tell "the UI is ready" from "the transfer ended".
        job.run = [this, run = std::move(job.run)](const keywizard::net::CancelTokenPtr& cancel) {
            auto outcome = run(cancel);
            worker_returned_at_ = Clock::now().time_since_epoch().count();
            return outcome;
        };
        return job;
    }

    void OnTick() {
        const auto now = Clock::now();
        const double gap = ms_between(last_tick_, now);
        last_tick_ = now;
        if (phase_ == Phase::idle) {
            idle_gaps_.push_back(gap);
        } else if (phase_ == Phase::test || phase_ == Phase::cancel_wait) {
            busy_gaps_.push_back(gap);
            run_longest_gap_ = std::max(run_longest_gap_, gap);
            if (gap >= maximum(busy_gaps_)) {
                // Where in a run the longest wait happened tells what caused it (start, result, cancel).
                longest_gap_ended_after_ms_ = ms_between(started_at_, now);
            }
        }
    }

    void Click(const wxString& name) {
        auto* button = dynamic_cast<wxButton*>(panel_->FindWindow(name));
        if (button == nullptr) {
            std::fprintf(stderr, "no button %s\n", name.utf8_str().data());
            std::exit(70);
        }
        wxCommandEvent click(wxEVT_BUTTON, button->GetId());
        click.SetEventObject(button);
        button->GetEventHandler()->AddPendingEvent(click);
    }

    void NextStep() {
        if (phase_ == Phase::idle || phase_ == Phase::cancelled) {
            const bool testing_runs_left = test_durations_.size() < static_cast<std::size_t>(options_.runs);
            const bool cancel_runs_left = cancel_to_ready_.size() < static_cast<std::size_t>(options_.runs);
            if (!testing_runs_left && !cancel_runs_left) {
                Finish();
                return;
            }
            phase_ = testing_runs_left ? Phase::test : Phase::cancel_wait;
            run_longest_gap_ = 0;
            worker_returned_at_ = 0;
            started_at_ = Clock::now();
            Click("test_key_button");
            if (phase_ == Phase::cancel_wait) {
                step_.StartOnce(1000);
            }
            return;
        }
        if (phase_ == Phase::cancel_wait) {
            cancel_clicked_at_ = Clock::now();
            Click("cancel_test_button");
        }
    }

    void OnStateChanged(KeyCheckPanel::State state) {
        const auto now = Clock::now();
        if (phase_ == Phase::test && state == KeyCheckPanel::State::result) {
            test_durations_.push_back(ms_between(started_at_, now));
            longest_gap_per_run_.push_back(run_longest_gap_);
            phase_ = Phase::cancelled;  // between runs: gaps are not counted
            step_.StartOnce(300);
        } else if (phase_ == Phase::cancel_wait && state == KeyCheckPanel::State::ready) {
            cancel_to_ready_.push_back(ms_between(cancel_clicked_at_, now));
            longest_gap_per_run_.push_back(run_longest_gap_);
            phase_ = Phase::cancelled;
            WaitForWorker();
        } else if (phase_ == Phase::cancel_wait && state == KeyCheckPanel::State::result) {
            std::fprintf(stderr, "the check ended before Cancel was pressed\n");
            std::exit(70);
        }
    }

    // After a cancel, the worker's check returns once libcurl calls the progress callback again.
    void WaitForWorker() {
        const long long returned = worker_returned_at_.load();
        if (returned != 0) {
            const Clock::time_point at{Clock::duration(returned)};
            cancel_to_worker_end_.push_back(ms_between(cancel_clicked_at_, at));
            step_.StartOnce(300);
            return;
        }
        poll_.StartOnce(5);
    }

    void Finish() {
        phase_ = Phase::done;
        ticker_.Stop();
        std::printf("idle_tick_gap_max_ms=%.1f\n", maximum(idle_gaps_));
        std::printf("idle_tick_gap_p99_ms=%.1f\n", percentile(idle_gaps_, 0.99));
        std::printf("test_tick_gap_max_ms=%.1f\n", maximum(busy_gaps_));
        std::printf("test_tick_gap_p99_ms=%.1f\n", percentile(busy_gaps_, 0.99));
        std::printf("test_tick_gap_max_ended_after_ms=%.0f\n", longest_gap_ended_after_ms_);
        std::printf("test_ticks=%zu\n", busy_gaps_.size());
        std::string per_run;
        for (const double gap : longest_gap_per_run_) {
            per_run += (per_run.empty() ? "" : ", ") + std::to_string(static_cast<int>(gap + 0.5));
        }
        std::printf("longest_gap_per_run_ms=%s\n", per_run.c_str());
        std::printf("test_duration_median_ms=%.1f\n", median(test_durations_));
        std::printf("cancel_to_ready_median_ms=%.2f\n", median(cancel_to_ready_));
        std::printf("cancel_to_ready_max_ms=%.2f\n", maximum(cancel_to_ready_));
        std::printf("cancel_to_worker_end_median_ms=%.1f\n", median(cancel_to_worker_end_));
        std::printf("cancel_to_worker_end_max_ms=%.1f\n", maximum(cancel_to_worker_end_));
        std::printf("runs=%d\n", options_.runs);
        std::fflush(stdout);
        Destroy();  // the panel cancels and joins its worker
    }

    Options options_;
    KeyCheckPanel* panel_ = nullptr;
    wxTimer ticker_;
    wxTimer step_;
    wxTimer poll_;
    Phase phase_ = Phase::idle;
    Clock::time_point last_tick_;
    Clock::time_point started_at_;
    Clock::time_point cancel_clicked_at_;
    std::atomic<long long> worker_returned_at_{0};
    std::vector<double> idle_gaps_;
    std::vector<double> busy_gaps_;
    double longest_gap_ended_after_ms_ = 0;
    double run_longest_gap_ = 0;
    std::vector<double> longest_gap_per_run_;  // test runs first, then cancel runs
    std::vector<double> test_durations_;
    std::vector<double> cancel_to_ready_;
    std::vector<double> cancel_to_worker_end_;
};

class BenchApp : public wxApp {
  public:
    bool OnInit() override {
        // A failed wx assert would open a modal dialog on an unattended display: fail loudly instead.
        wxSetAssertHandler([](const wxString& file, int line, const wxString&, const wxString& condition,
                              const wxString& message) {
            std::fprintf(stderr, "wx assert %s:%d: %s %s\n", file.utf8_str().data(), line,
                         condition.utf8_str().data(), message.utf8_str().data());
            std::abort();
        });
        Options options;
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string name = argv[i].utf8_string();
            const std::string value = argv[i + 1].utf8_string();
            if (name == "--base-url") {
                options.base_url = value;
            } else if (name == "--ca-file") {
                options.ca_file = value;
            } else if (name == "--runs") {
                options.runs = std::max(1, std::atoi(value.c_str()));
            }
        }
        if (options.base_url.empty() || options.ca_file.empty()) {
            std::fprintf(stderr, "usage: bench_ui_responsiveness --base-url URL --ca-file PATH [--runs N]\n");
            return false;
        }
        auto* frame = new BenchFrame(options);
        frame->Show();
        // Measure once the window is up and the first layout and paint are behind us.
        CallAfter([frame] { frame->Begin(); });
        return true;
    }
};

}  // namespace

// Before wxEntry starts any thread: curl_global_init is not thread-safe.
struct InitHttpFirst {
    InitHttpFirst() { keywizard::net::init_http_globally(); }
} init_http_first;

wxIMPLEMENT_APP(BenchApp);
