// core.h's asynchronous forms: check_key_async (cancellable, joined) and the keyring and file calls
// (never cut, never waited for).
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "core/key_setup.h"
#include "keywizard/core.h"

namespace keywizard {
namespace {

// `done` must not throw (core.h); if it does, the host's process must not end for it.
template <typename Callback, typename Result>
void call_reporting_exceptions(Callback& done, Result&& result) noexcept {
    try {
        done(std::forward<Result>(result));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "keywizard: a done callback threw an exception: %s\n", error.what());
    } catch (...) {
        std::fprintf(stderr, "keywizard: a done callback threw an exception\n");
    }
}

}  // namespace

struct CheckHandle::State {
    net::CancelTokenPtr cancel = std::make_shared<net::CancelToken>();
    std::atomic<bool> running{true};
    std::thread worker;
};

namespace {

// Waits for the worker, except on the worker itself: a handle dropped inside its own `done` cannot join
// its own thread, so the worker is let go and ends by itself (it holds the state it uses).
void stop_and_wait(const std::shared_ptr<CheckHandle::State>& state) noexcept {
    if (!state) {
        return;
    }
    state->cancel->cancel();
    if (state->worker.joinable()) {
        if (state->worker.get_id() == std::this_thread::get_id()) {
            state->worker.detach();
        } else {
            state->worker.join();
        }
    }
}

}  // namespace

CheckHandle::CheckHandle() = default;
CheckHandle::CheckHandle(std::shared_ptr<State> state) : state_(std::move(state)) {}
CheckHandle::CheckHandle(CheckHandle&&) noexcept = default;
CheckHandle& CheckHandle::operator=(CheckHandle&& other) noexcept {
    if (this != &other) {
        stop_and_wait(state_);
        state_ = std::move(other.state_);
    }
    return *this;
}

CheckHandle::~CheckHandle() {
    stop_and_wait(state_);
}

void CheckHandle::cancel() noexcept {
    if (state_) {
        state_->cancel->cancel();
    }
}

bool CheckHandle::running() const noexcept {
    return state_ && state_->running.load();
}

CheckHandle check_key_async(const Options& options, std::string key, std::function<void(CheckResult)> done) {
    return check_key_async(options, std::move(key), CheckOptions{}, std::move(done));
}

namespace {

// A check on a worker that owns a share of the state: `done` may drop the last handle, and the worker goes
// on after. ensure_http here, on the caller's thread, not inside the worker.
CheckHandle start_check(std::function<CheckResult(const net::CancelTokenPtr&)> check,
                        std::function<void(CheckResult)> done) {
    auto state = std::make_shared<CheckHandle::State>();
    core::ensure_http();
    state->worker = std::thread([check = std::move(check), done = std::move(done), state]() mutable {
        call_reporting_exceptions(done, check(state->cancel));
        state->running = false;
    });
    return CheckHandle(state);
}

}  // namespace

CheckHandle check_key_async(const Options& options, std::string key, const CheckOptions& how,
                            std::function<void(CheckResult)> done) {
    return start_check(
        [options, key = std::move(key), how](const net::CancelTokenPtr& cancel) mutable {
            CheckResult result = core::check_key_cancellable(options, std::move(key), how, cancel);
            key.assign(key.size(), '\0');
            return result;
        },
        std::move(done));
}

CheckHandle check_stored_key_async(const Options& options, const CheckOptions& how,
                                   std::function<void(CheckResult)> done) {
    return start_check(
        [options, how](const net::CancelTokenPtr& cancel) {
            return core::check_stored_key_cancellable(options, how, cancel);
        },
        std::move(done));
}

struct CallHandle::State {
    // Held while `done` runs, so abandon() returns only when it is not running; recursive, so `done` may
    // drop its own handle.
    std::recursive_mutex mutex;
    bool abandoned = false;
    std::atomic<bool> running{true};
    // wait_for(): a mutex of its own, not the one `done` runs under.
    std::mutex ended_mutex;
    std::condition_variable ended;
};

CallHandle::CallHandle() noexcept = default;
CallHandle::CallHandle(std::shared_ptr<State> state) noexcept : state_(std::move(state)) {}
CallHandle::CallHandle(CallHandle&&) noexcept = default;
CallHandle& CallHandle::operator=(CallHandle&& other) noexcept {
    if (this != &other) {
        abandon();
        state_ = std::move(other.state_);
    }
    return *this;
}

CallHandle::~CallHandle() {
    abandon();
}

void CallHandle::abandon() noexcept {
    if (state_) {
        std::lock_guard lock(state_->mutex);
        state_->abandoned = true;
    }
}

bool CallHandle::running() const noexcept {
    return state_ && state_->running.load();
}

bool CallHandle::wait_for(std::chrono::milliseconds timeout) const noexcept {
    if (!state_) {
        return true;
    }
    std::unique_lock lock(state_->ended_mutex);
    return state_->ended.wait_for(lock, timeout, [this] { return !state_->running.load(); });
}

namespace {

// Runs `call` on a thread of its own (detached: a keyring call is bounded, and never waited for), then
// `done` with its result unless the handle was dropped meanwhile.
template <typename Result>
CallHandle run_detached(std::function<Result()> call, std::function<void(Result)> done) {
    auto state = std::make_shared<CallHandle::State>();
    std::thread([state, call = std::move(call), done = std::move(done)]() mutable {
        Result result = call();
        {
            std::lock_guard lock(state->mutex);
            if (!state->abandoned && done) {
                call_reporting_exceptions(done, std::move(result));
            }
        }
        {
            std::lock_guard lock(state->ended_mutex);
            state->running = false;
        }
        state->ended.notify_all();
    }).detach();
    return CallHandle(state);
}

}  // namespace

CallHandle load_key_async(const Options& options, std::function<void(LoadResult)> done) {
    return run_detached<LoadResult>([options] { return load_key_checked(options); }, std::move(done));
}

CallHandle stored_key_async(const Options& options, std::function<void(StoredKeyInfo)> done) {
    return run_detached<StoredKeyInfo>([options] { return stored_key(options); }, std::move(done));
}

CallHandle save_key_async(const Options& options, std::string key, Storage storage,
                          std::optional<CheckResult> checked, std::function<void(SaveResult)> done) {
    return run_detached<SaveResult>(
        [options, key = std::move(key), storage, checked = std::move(checked)]() mutable {
            SaveResult saved = save_key(options, key, storage, checked ? &*checked : nullptr);
            key.assign(key.size(), '\0');
            return saved;
        },
        std::move(done));
}

CallHandle forget_key_async(const Options& options, std::function<void(ForgetResult)> done) {
    return run_detached<ForgetResult>([options] { return forget_key(options); }, std::move(done));
}

CallHandle needs_setup_async(const Options& options, std::function<void(bool)> done) {
    return run_detached<bool>([options] { return needs_setup(options); }, std::move(done));
}

}  // namespace keywizard
