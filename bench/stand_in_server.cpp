// bench_stand_in_server: the tests' loopback HTTPS stand-in of the API as a process of its own, so that
// keywizard and every reference program ask the very same server (same TLS certificate, same CA file,
// same answer). Paths, one per benchmark row:
//   {base}/v1/models        the model list at once
//   {base}/slow/v1/models   the model list after 3 s (UI responsiveness during a Test key)
//   {base}/big/v1/models    a 50 MB chunked body (the 4 MiB cap)
//   {base}/v1/chat/completions  a two-token answer (the generation probe)
//   {base}/connections      {"connections":N}: TCP connections accepted so far, so the bench can count
//                           how many a check took
// Connections stay open between requests (keep-alive), as the real API's do.
// Prints "base_url=https://127.0.0.1:<port>" and "ca_file=<path>" on stdout, then serves until its stdin
// closes; the test CA is made at start and removed at exit.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>

#include "tests/support/loopback_server.h"
#include "tests/support/test_pki.h"

namespace {

using keywizard::test::RecordedRequest;
using keywizard::test::Reply;

const std::string models_body =
    R"({"object":"list","data":[)"
    R"({"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
    R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},)"
    R"({"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"}]})";

Reply models_list() {
    return Reply::json(200, models_body,
                       {{"x-request-id", "req_kwbench0123"},
                        {"openai-organization", "user-kwbench"},
                        {"openai-project", "proj_kwbench"},
                        {"openai-version", "2020-10-01"}});
}

const std::string chat_completion_body =
    R"({"id":"chatcmpl-kwbench","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"OK","refusal":null},)"
    R"("logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1,)"
    R"("total_tokens":10}})";

// Lets a delayed answer end early when the server shuts down, instead of holding up the exit.
std::mutex stop_mutex;
std::condition_variable stop_changed;
bool stopping = false;

}  // namespace

int main() {
    constexpr std::size_t fifty_mb = 50u * 1024 * 1024;
    const auto& pki = keywizard::test::TestPki::instance();
    {
        std::atomic<const keywizard::test::LoopbackServer*> self{nullptr};
        keywizard::test::LoopbackServer server([&self](const RecordedRequest& request, std::size_t) {
            if (request.target == "/connections") {
                // This request's own connection is counted too; the bench asks before and after.
                return Reply::json(
                    200, "{\"connections\":" + std::to_string(self.load()->connection_count()) + "}");
            }
            if (request.target.ends_with("/v1/chat/completions") && request.method == "POST") {
                return Reply::json(200, chat_completion_body, {{"x-request-id", "req_kwbench0124"}});
            }
            if (request.target.starts_with("/big/")) {
                return Reply::chunked(fifty_mb);
            }
            if (request.target.starts_with("/slow/")) {
                std::unique_lock lock(stop_mutex);
                stop_changed.wait_for(lock, std::chrono::seconds(3), [] { return stopping; });
            }
            if (request.target.ends_with("/v1/models")) {
                return models_list();
            }
            return Reply::json(404, R"({"error":{"message":"Invalid URL","type":"invalid_request_error"}})");
        });
        self = &server;
        server.keep_connections_open();
        std::cout << "base_url=" << server.base_url() << "\nca_file=" << pki.ca_file() << std::endl;

        std::string ignored;
        while (std::getline(std::cin, ignored)) {
        }
        {
            std::lock_guard lock(stop_mutex);
            stopping = true;
        }
        stop_changed.notify_all();
    }
    return 0;
}
