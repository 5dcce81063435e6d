#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace keywizard::net {

// Shared between the thread that asks for a check and the worker that runs it. cancel() wakes whatever the
// worker waits in at once: the pause between attempts (wait_for) and a transfer's poll (the wake-up its
// transfer loop sets), so a cancel takes effect in milliseconds, not at the next progress tick.
class CancelToken {
  public:
    void cancel() {
        {
            std::lock_guard lock(mutex_);
            cancelled_.store(true);
            if (wake_) {
                wake_();  // under the lock: the transfer cannot end and drop its poll meanwhile
            }
        }
        changed_.notify_all();
    }
    bool cancelled() const { return cancelled_.load(); }

    // Sleeps up to `duration`; returns false when woken early by cancel().
    bool wait_for(std::chrono::milliseconds duration) {
        std::unique_lock lock(mutex_);
        return !changed_.wait_for(lock, duration, [this] { return cancelled_.load(); });
    }

    // While a transfer runs: how cancel() wakes its poll (curl_multi_wakeup). One transfer at a time per
    // token; the transfer clears it before its poll goes away.
    void set_wake(std::function<void()> wake) {
        std::lock_guard lock(mutex_);
        wake_ = std::move(wake);
    }
    void clear_wake() { set_wake(nullptr); }

  private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable changed_;
    std::function<void()> wake_;
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

}  // namespace keywizard::net
