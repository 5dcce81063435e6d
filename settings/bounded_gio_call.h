#pragma once

#include "settings/libsecret_api.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace keywizard::settings {

// Hands `job` to the one keyring worker: a long-lived thread that runs keyring jobs one after another, in
// the order they came. It is never joined (a provider that never answers must not hang the process's exit)
// and jobs own what they use, so a job may finish after its caller stopped waiting.
void post_to_keyring_worker(std::function<void()> job);

// Runs blocking GIO/libsecret work on the keyring worker with a GCancellable and waits at most `timeout`.
// On timeout the cancellable is cancelled and nullopt returned: libsecret's sync calls give up at once
// when cancelled (so the worker is free again), and the wait for that is bounded too, so a provider that
// never answers can never hang the caller. Work still queued when its caller gave up runs cancelled.
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
    post_to_keyring_worker([state, work = std::move(work)] {
        Result result = work(state->cancellable);
        std::lock_guard lock(state->mutex);
        state->result = std::move(result);
        state->done.notify_all();
    });

    std::unique_lock lock(state->mutex);
    if (state->done.wait_for(lock, timeout, [&] { return state->result.has_value(); })) {
        return std::move(state->result);
    }
    lock.unlock();
    lib.g_cancellable_cancel(state->cancellable);
    return std::nullopt;
}

}  // namespace keywizard::settings
