#include "wizard/widgets/background_task.h"

#include <wx/app.h>

#include <algorithm>

namespace keywizard::ui {

RunOnMain wx_run_on_main() {
    return [](std::function<void()> callable) {
        // QueueEvent (behind CallAfter) is safe from any thread. Without an app nobody would run it.
        if (wxTheApp != nullptr) {
            wxTheApp->CallAfter(std::move(callable));
        }
    };
}

BackgroundTask::BackgroundTask(RunOnMain run_on_main) : run_on_main_(std::move(run_on_main)) {}

BackgroundTask::~BackgroundTask() {
    cancel();
    for (auto& [job, worker] : workers_) {
        job->dropped = true;
        job->cancel->cancel();
    }
    for (auto& [job, worker] : workers_) {
        if (worker.joinable()) {
            worker.join();
        }
    }
}

void BackgroundTask::cancel() {
    if (current_) {
        current_->dropped = true;
        current_->cancel->cancel();
        current_.reset();
    }
}

std::shared_ptr<BackgroundTask::Job> BackgroundTask::begin_job() {
    cancel();
    reap_finished_workers();
    current_ = std::make_shared<Job>();
    return current_;
}

void BackgroundTask::launch(const std::shared_ptr<Job>& job, std::function<void()> body) {
    workers_.emplace_back(job, std::thread([job, body = std::move(body)] {
                              body();
                              job->worker_done = true;
                          }));
}

// A cancelled worker keeps running until it notices its token; it is joined here once it has ended, or by
// the destructor. Joining a finished thread does not block.
void BackgroundTask::reap_finished_workers() {
    auto finished = std::partition(workers_.begin(), workers_.end(),
                                   [](const auto& entry) { return !entry.first->worker_done.load(); });
    for (auto it = finished; it != workers_.end(); ++it) {
        it->second.join();
    }
    workers_.erase(finished, workers_.end());
}

}  // namespace keywizard::ui
