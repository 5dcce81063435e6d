// bench_cancel_latency: how long CheckHandle::cancel() takes to stop a check that waits on a server which
// does not answer yet (the stand-in's /slow path answers after 3 s). Each run starts check_key_async, lets
// it sit in its wait for 300 ms, cancels, and times cancel() to `done` (the worker's result arriving).
// Prints runs=N, median_ms, p95_ms, max_ms and cancelled=N (runs whose result said "cancelled").
//   bench_cancel_latency --base-url https://127.0.0.1:PORT/slow/v1 --ca-file CA [--runs 20]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "keywizard/core.h"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    keywizard::Options options;
    options.app_id = "keywizard-bench-cancel";
    options.config_dir = "/nonexistent/keywizard-bench-cancel";  // nothing stored, nothing read
    int runs = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--base-url") == 0) {
            options.base_url = argv[i + 1];
        } else if (std::strcmp(argv[i], "--ca-file") == 0) {
            options.ca_file = argv[i + 1];
        } else if (std::strcmp(argv[i], "--runs") == 0) {
            runs = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    // A well-formed key that is not anyone's: the stand-in never looks at it.
    const std::string key = "sk-proj-" + std::string(40, 'b');

    std::vector<double> latencies;
    int cancelled = 0;
    for (int run = 0; run < runs; ++run) {
        std::mutex mutex;
        std::condition_variable arrived;
        bool done = false;
        Clock::time_point done_at;
        std::string reason;
        keywizard::CheckHandle handle =
            keywizard::check_key_async(options, key, [&](keywizard::CheckResult result) {
                std::lock_guard lock(mutex);
                done_at = Clock::now();
                reason = result.reason;
                done = true;
                arrived.notify_all();
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the request is in its wait by now
        const Clock::time_point cancel_at = Clock::now();
        handle.cancel();
        std::unique_lock lock(mutex);
        arrived.wait(lock, [&] { return done; });
        latencies.push_back(std::chrono::duration<double, std::milli>(done_at - cancel_at).count());
        cancelled += reason == "cancelled" ? 1 : 0;
    }
    std::printf("runs=%d\nmedian_ms=%.1f\np95_ms=%.1f\nmax_ms=%.1f\ncancelled=%d\n", runs,
                percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 1.0),
                cancelled);
    return 0;
}
