#pragma once

#include "settings/libsecret_api.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace keywizard::settings {

// Runs blocking GIO/libsecret work on its own thread with a GCancellable and waits at most `timeout`.
// On timeout the cancellable is cancelled and nullopt returned: libsecret's sync calls give up at once
// when cancelled, but the wait for that is bounded too, so a provider that never answers can never hang
// the caller. The thread is detached and owns the shared state, so it may outlive this call safely.
//
// libsecret's sync calls run their own GMainContext on the calling thread, so they work on any thread.
template <typename Result>
std::optional<Result> run_bounded(const LibsecretApi& lib, std::chrono::milliseconds timeout,
                                  std::function<Result(GCancellable*)> work) {
    struct State {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<Result> result;
        const LibsecretApi& lib;
        GCancellable* cancellable = lib.g_cancellable_new();
        explicit State(const LibsecretApi& api) : lib(api) {}
        ~State() { lib.g_object_unref(cancellable); }
    };
    auto state = std::make_shared<State>(lib);
    std::thread([state, work = std::move(work)] {
        Result result = work(state->cancellable);
        std::lock_guard lock(state->mutex);
        state->result = std::move(result);
        state->done.notify_all();
    }).detach();

    std::unique_lock lock(state->mutex);
    if (state->done.wait_for(lock, timeout, [&] { return state->result.has_value(); })) {
        return std::move(state->result);
    }
    lock.unlock();
    lib.g_cancellable_cancel(state->cancellable);
    return std::nullopt;
}

}  // namespace keywizard::settings
