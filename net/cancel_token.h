#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace keywizard::net {

// Shared between the thread that asks for a check and the worker that runs it. The worker polls it from
// libcurl's progress callback and waits on it between attempts, so a cancel is seen within a tick.
class CancelToken {
  public:
    void cancel() {
        {
            std::lock_guard lock(mutex_);
            cancelled_.store(true);
        }
        changed_.notify_all();
    }
    bool cancelled() const { return cancelled_.load(); }

    // Sleeps up to `duration`; returns false when woken early by cancel().
    bool wait_for(std::chrono::milliseconds duration) {
        std::unique_lock lock(mutex_);
        return !changed_.wait_for(lock, duration, [this] { return cancelled_.load(); });
    }

  private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable changed_;
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

}  // namespace keywizard::net
