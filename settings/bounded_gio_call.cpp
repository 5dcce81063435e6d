#include "settings/bounded_gio_call.h"

#include <unistd.h>

#include <deque>
#include <thread>

namespace keywizard::settings {
namespace {

class KeyringWorker {
  public:
    KeyringWorker() {
        std::thread([this] { Run(); }).detach();
    }

    void Post(std::function<void()> job) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        }
        wake_.notify_one();
    }

  private:
    [[noreturn]] void Run() {
        while (true) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return !jobs_.empty(); });
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            job();
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
};

}  // namespace

void post_to_keyring_worker(std::function<void()> job) {
    // Never destroyed: the detached thread uses it until the process ends. A forked child (the tests run
    // some cases in one) has no copy of the parent's thread, so it starts its own worker.
    static std::mutex mutex;
    static KeyringWorker* worker = nullptr;
    static pid_t worker_pid = 0;
    std::unique_lock lock(mutex);
    if (worker == nullptr || worker_pid != getpid()) {
        worker = new KeyringWorker();
        worker_pid = getpid();
    }
    KeyringWorker* current = worker;
    lock.unlock();
    current->Post(std::move(job));
}

}  // namespace keywizard::settings
