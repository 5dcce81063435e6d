#pragma once
// Blocking calls (the keyring can take a few seconds) on worker threads, their answers on the UI thread.
#include <atomic>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include <wx/event.h>

// The owner (a window) keeps this as a member. Answers are queued with owner->CallAfter, and the destructor
// waits for the workers: an answer either arrives while the owner exists, or is dropped by wx with the
// owner's other pending calls.
class BackgroundCalls {
  public:
    explicit BackgroundCalls(wxEvtHandler* owner) : owner_(owner) {}
    BackgroundCalls(const BackgroundCalls&) = delete;
    BackgroundCalls& operator=(const BackgroundCalls&) = delete;
    ~BackgroundCalls() {
        for (Worker& worker : workers_) {
            worker.thread.join();
        }
    }

    // Runs work() on a worker thread, then then(result) on the UI thread.
    template <class Work, class Then>
    void Run(Work work, Then then) {
        JoinFinished();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        std::thread thread(
            [owner = owner_, work = std::move(work), then = std::move(then), finished]() mutable {
                auto result = work();
                owner->CallAfter([then, result]() mutable { then(std::move(result)); });
                *finished = true;
            });
        workers_.push_back({std::move(thread), std::move(finished)});
    }

  private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };

    void JoinFinished() {
        for (auto it = workers_.begin(); it != workers_.end();) {
            if (*it->finished) {
                it->thread.join();
                it = workers_.erase(it);
            } else {
                ++it;
            }
        }
    }

    wxEvtHandler* owner_;
    std::vector<Worker> workers_;
};
