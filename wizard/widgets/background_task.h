#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/rules.h"

namespace keywizard::ui {

// Runs a callable on the UI thread "soon". In the app it is wxTheApp->CallAfter (thread-safe: it queues an
// event); passing it in keeps this file free of wx and lets a test run without a window.
using RunOnMain = std::function<void(std::function<void()>)>;

// The app's RunOnMain: wxTheApp->CallAfter, or nothing when the app is already gone.
RunOnMain wx_run_on_main();

// One blocking job at a time on a worker std::thread, its result delivered on the UI thread, or dropped
// when the owner moved on (Poedit's then_on_window). Owned by a window (or a page) as a member:
//   - start() supersedes a running job: the old one is cancelled and its result dropped.
//   - cancel() returns at once; the worker sees the token within a tick and ends by itself.
//   - the destructor cancels and joins every worker, so nothing outlives the window it reports to, and a
//     result already queued on the UI thread finds its job dropped and touches nothing.
// All member functions are called on the UI thread.
class BackgroundTask {
  public:
    explicit BackgroundTask(RunOnMain run_on_main = wx_run_on_main());
    ~BackgroundTask();
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // `work` runs on the worker and gets the job's cancel token (hand it to core::check_key). `on_done`
    // runs on the UI thread with the result unless the job was cancelled or superseded meanwhile. If
    // `work` throws, `on_error` gets the exception's text instead (same rules).
    template <class Result>
    void start(std::function<Result(const net::CancelTokenPtr&)> work, std::function<void(Result)> on_done,
               std::function<void(std::string)> on_error = {});

    // Drops the running job's result and asks it to stop. Never blocks.
    void cancel();

    // True from start() until the result is delivered (or the job is cancelled).
    bool running() const { return current_ && !current_->dropped.load(); }

  private:
    struct Job {
        net::CancelTokenPtr cancel = std::make_shared<net::CancelToken>();
        std::atomic<bool> dropped{false};  // read and written on the UI thread only; atomic for clarity
        std::atomic<bool> worker_done{false};
    };

    std::shared_ptr<Job> begin_job();
    void launch(const std::shared_ptr<Job>& job, std::function<void()> body);
    void reap_finished_workers();

    RunOnMain run_on_main_;
    std::shared_ptr<Job> current_;
    std::vector<std::pair<std::shared_ptr<Job>, std::thread>> workers_;
};

template <class Result>
void BackgroundTask::start(std::function<Result(const net::CancelTokenPtr&)> work,
                           std::function<void(Result)> on_done, std::function<void(std::string)> on_error) {
    auto job = begin_job();
    launch(job, [job, run_on_main = run_on_main_, work = std::move(work), on_done = std::move(on_done),
                 on_error = std::move(on_error)] {
        std::function<void()> deliver;
        try {
            deliver = [job, on_done, result = work(job->cancel)]() {
                if (job->dropped.exchange(true)) {
                    return;
                }
                on_done(result);
            };
        } catch (const std::exception& e) {
            deliver = [job, on_error, what = std::string(e.what())] {
                if (!job->dropped.exchange(true) && on_error) {
                    on_error(what);
                }
            };
        } catch (...) {
            deliver = [job, on_error] {
                if (!job->dropped.exchange(true) && on_error) {
                    on_error("unknown error");
                }
            };
        }
        run_on_main(std::move(deliver));
    });
}

}  // namespace keywizard::ui
