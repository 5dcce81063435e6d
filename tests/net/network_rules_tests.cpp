// Fault drills for DESIGN.md's "Network rules" that the transport and check tests do not already prove:
// each test here fails if its rule is broken (.netrc, cookies, verbose output, signal handling, the connect
// timeout and the limits' values, settings that could smuggle bytes onto the wire). docs/reliability.md
// lists every rule with the test that proves it.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "net/http_client.h"
#include "net/models_check.h"
#include "tests/support/api_stand_in.h"
#include "tests/support/loopback_server.h"
#include "tests/support/socket_io.h"
#include "tests/support/temp_dir.h"

using namespace std::chrono_literals;
using namespace keywizard::net;
using namespace keywizard::test;

namespace {

using Clock = std::chrono::steady_clock;

// Everything written to this process's stderr (fd 2) while it lives; libcurl's verbose output goes there.
class CapturedStderr {
  public:
    explicit CapturedStderr(const std::filesystem::path& file) : file_(file) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        std::FILE* sink = std::fopen(file.c_str(), "w");
        BOOST_REQUIRE(saved_ >= 0 && sink != nullptr);
        ::dup2(::fileno(sink), 2);
        std::fclose(sink);
    }
    ~CapturedStderr() { restore(); }

    std::string text() {
        restore();
        std::ifstream in(file_, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

  private:
    void restore() {
        if (saved_ >= 0) {
            std::fflush(stderr);
            ::dup2(saved_, 2);
            ::close(saved_);
            saved_ = -1;
        }
    }

    std::filesystem::path file_;
    int saved_ = -1;
};

// A listener whose accept queue is full: the kernel drops further SYNs, so a connect to it neither
// succeeds nor fails until the client gives up. Nothing ever accepts.
class NeverAcceptingListener {
  public:
    NeverAcceptingListener() {
        listener_ = UniqueFd(::socket(AF_INET, SOCK_STREAM, 0));
        BOOST_REQUIRE(listener_);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        BOOST_REQUIRE(::bind(listener_.get(), reinterpret_cast<sockaddr*>(&address), length) == 0);
        BOOST_REQUIRE(::listen(listener_.get(), 0) == 0);
        BOOST_REQUIRE(::getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        // Backlog 0 still queues one connection; a few more make sure the queue is full. Non-blocking:
        // a blocking connect to a full queue would itself wait for minutes.
        for (int i = 0; i < 4; ++i) {
            UniqueFd filler(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
            BOOST_REQUIRE(filler);
            ::connect(filler.get(), reinterpret_cast<sockaddr*>(&address), sizeof address);
            fillers_.push_back(std::move(filler));
        }
        std::this_thread::sleep_for(100ms);  // no event says "the handshakes the kernel will finish are done"
    }
    std::uint16_t port() const { return port_; }

  private:
    UniqueFd listener_;
    std::uint16_t port_ = 0;
    std::vector<UniqueFd> fillers_;
};

std::atomic<int> signals_delivered{0};
void count_signal(int) {
    ++signals_delivered;
}

bool handler_is(int signal_number, void (*handler)(int)) {
    struct sigaction current {};
    return ::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == handler;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(network_rules_tests, ApiFixture)

BOOST_AUTO_TEST_CASE(a_netrc_with_credentials_for_the_server_adds_no_authorization) {
    // libcurl reads $HOME/.netrc when asked to; a machine entry for 127.0.0.1 would then add Basic auth.
    const keywizard::test::TempDir home("rules");
    {
        std::ofstream netrc(home.path() / ".netrc");
        netrc << "machine 127.0.0.1 login kwnetrcuser password kwnetrcpass\n"
                 "default login kwnetrcdefault password kwnetrcpass\n";
    }
    std::filesystem::permissions(home.path() / ".netrc",
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    environment.set("HOME", home.path().string());

    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    HttpRequest plain;
    plain.url = server.base_url() + "/v1/models";
    plain.ca_file = keywizard::test::TestPki::instance().ca_file();
    plain.headers = {{"User-Agent", "keywizard/test"}};
    BOOST_TEST(keywizard::net::http_get(plain).status == 200);
    CHECK_OUTCOME(keywizard::net::check_key(check_of(server)), KeyStatus::valid, Reason::ok);

    BOOST_REQUIRE(server.wait_for_requests(2, 10s));
    const auto requests = server.requests();
    BOOST_TEST(requests[0].header_values("Authorization").empty());
    BOOST_TEST(requests[1].header_values("Authorization") == std::vector<std::string>{"Bearer " + valid_key},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cookies_set_by_the_server_are_never_sent_back) {
    // The retry after a 503 is the one place where a second request follows a first in one check.
    LoopbackServer server([](const RecordedRequest&, std::size_t index) {
        Reply reply = index == 0
                          ? Reply::json(503, keywizard::test::api_error("Overloaded", "server_error", ""))
                          : models_list();
        reply.headers.emplace_back("Set-Cookie", "kwsession=kwcookie" + std::to_string(index) + "; Path=/");
        reply.headers.emplace_back("Retry-After", "0");
        return reply;
    });
    const auto first = keywizard::net::check_key(check_of(server));
    CHECK_OUTCOME(first, KeyStatus::valid, Reason::ok);
    BOOST_TEST(first.attempts == 2);
    CHECK_OUTCOME(keywizard::net::check_key(check_of(server)), KeyStatus::valid, Reason::ok);

    BOOST_REQUIRE(server.wait_for_requests(3, 10s));
    for (const auto& request : server.requests()) {
        BOOST_TEST(request.header_values("Cookie").empty());
    }
}

BOOST_AUTO_TEST_CASE(nothing_of_the_transfer_is_written_to_stderr) {
    // CURLOPT_VERBOSE would print the request headers, the key among them, to stderr.
    const keywizard::test::TempDir scratch("rules");
    LoopbackServer server([](const RecordedRequest&, std::size_t index) {
        return index == 0 ? models_list() : Reply::json(401, "{}");
    });
    CapturedStderr captured(scratch.path() / "stderr.txt");
    const auto valid = keywizard::net::check_key(check_of(server));
    const auto rejected = keywizard::net::check_key(check_of(server));
    const std::string text = captured.text();

    CHECK_OUTCOME(valid, KeyStatus::valid, Reason::ok);
    BOOST_TEST(rejected.http_status.value_or(0) == 401);
    BOOST_TEST(text.find(valid_key) == std::string::npos);
    BOOST_TEST(text.find("Authorization") == std::string::npos);
    BOOST_TEST(text.find("GET /v1/models") == std::string::npos);
    BOOST_TEST(text.empty(), text);
}

BOOST_AUTO_TEST_CASE(a_transfer_never_touches_the_processes_signal_handlers) {
    // Without CURLOPT_NOSIGNAL, libcurl sets SIGPIPE to "ignore" for the length of every transfer and puts
    // it back afterwards: a process-wide change made from a worker thread, racing with the app's own
    // handlers. With it, the handlers stay as the app set them, and no signal ends the process.
    struct sigaction counting {};
    counting.sa_handler = count_signal;
    sigemptyset(&counting.sa_mask);
    struct sigaction old_pipe {};
    struct sigaction old_alarm {};
    BOOST_REQUIRE(::sigaction(SIGPIPE, &counting, &old_pipe) == 0);
    BOOST_REQUIRE(::sigaction(SIGALRM, &counting, &old_alarm) == 0);
    signals_delivered = 0;

    std::atomic<bool> transfers_running{true};
    std::atomic<int> samples{0};
    std::atomic<int> changed_samples{0};
    std::thread watcher([&] {
        while (transfers_running) {
            if (!handler_is(SIGPIPE, count_signal) || !handler_is(SIGALRM, count_signal)) {
                ++changed_samples;
            }
            ++samples;
            std::this_thread::sleep_for(200us);
        }
    });

    // A transfer that waits (cut short by a cancel), and peers that hang up on the client mid-body.
    LoopbackServer server([](const RecordedRequest&, std::size_t index) {
        switch (index) {
            case 0:
                return Reply::silence();
            case 1:
                return Reply::reset_after(std::string(3000, ' '), 100'000);
            default:
                return Reply::truncated(R"({"object":"list","da)", 5000);
        }
    });
    auto waiting = check_of(server);
    waiting.max_attempts = 1;
    waiting.cancel = std::make_shared<keywizard::net::CancelToken>();
    std::thread canceller([&] {
        if (server.wait_for_requests(1, 10s)) {
            std::this_thread::sleep_for(300ms);  // let the transfer sit in its wait for a while
        }
        waiting.cancel->cancel();
    });
    CHECK_OUTCOME(keywizard::net::check_key(waiting), KeyStatus::unverified, Reason::cancelled);
    canceller.join();
    auto hung_up = check_of(server);
    hung_up.max_attempts = 1;
    CHECK_OUTCOME(keywizard::net::check_key(hung_up), KeyStatus::unverified, Reason::connection_lost);
    CHECK_OUTCOME(keywizard::net::check_key(hung_up), KeyStatus::unverified, Reason::connection_lost);
    // Many short checks over a kept-alive connection: each one resets its handle after the request and
    // cleans it up at the end, the two calls that touch SIGPIPE on a handle without NOSIGNAL.
    LoopbackServer quick([](const RecordedRequest&, std::size_t) { return models_list(); });
    quick.keep_connections_open();
    for (int i = 0; i < 200; ++i) {
        auto check = check_of(quick);
        check.max_attempts = 1;
        CHECK_OUTCOME(keywizard::net::check_key(check), KeyStatus::valid, Reason::ok);
    }

    transfers_running = false;
    watcher.join();
    ::sigaction(SIGPIPE, &old_pipe, nullptr);
    ::sigaction(SIGALRM, &old_alarm, nullptr);

    BOOST_TEST(samples.load() > 100);  // the watcher did look, many times, while transfers ran
    BOOST_TEST(changed_samples.load() == 0);
    BOOST_TEST(signals_delivered.load() == 0);
}

BOOST_AUTO_TEST_CASE(a_server_that_never_accepts_the_connection_times_out_after_10_seconds) {
    // The connect timeout is 10 s even though the check as a whole may take 30 s.
    NeverAcceptingListener listener;
    KeyCheckRequest request;
    request.raw_key = valid_key;
    request.endpoint.base_url = "https://127.0.0.1:" + std::to_string(listener.port()) + "/v1";
    request.endpoint.ca_file = keywizard::test::TestPki::instance().ca_file();
    request.endpoint.timeout = 30s;
    request.max_attempts = 1;

    const auto started = Clock::now();
    const auto outcome = keywizard::net::check_key(request);
    const auto took = Clock::now() - started;

    BOOST_TEST(to_string(outcome.reason) == "timeout", outcome.detail);
    BOOST_TEST(took >= 9500ms);  // the design's 10 s, not something earlier, ended it
}

BOOST_AUTO_TEST_CASE(the_limits_are_the_ones_the_design_names) {
    const HttpRequest request;
    BOOST_TEST(request.connect_timeout.count() == 10'000);
    BOOST_TEST(request.total_timeout.count() == 30'000);
    BOOST_TEST(request.low_speed_time.count() == 10);
    BOOST_TEST(request.max_body_bytes == 4u * 1024 * 1024);
    BOOST_TEST(Endpoint{}.timeout.count() == 30);
    BOOST_TEST(KeyCheckRequest{}.max_attempts == 2);  // one retry at most
}

BOOST_AUTO_TEST_CASE(a_model_list_of_exactly_4_mib_is_read_and_one_byte_more_is_too_large) {
    const std::string list = R"({"object":"list","data":[{"id":"gpt-4o","object":"model"}]})";
    const std::size_t cap = 4u * 1024 * 1024;
    const auto padded = [&](std::size_t size) { return list + std::string(size - list.size(), ' '); };
    LoopbackServer server([&](const RecordedRequest&, std::size_t index) {
        return Reply::json(200, padded(index == 0 ? cap : cap + 1));
    });
    auto request = check_of(server);
    request.max_attempts = 1;
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::valid, Reason::ok);
    CHECK_OUTCOME(keywizard::net::check_key(request), KeyStatus::unverified, Reason::too_large);
}

namespace {

struct SmugglingSetting {
    const char* name;
    Endpoint (*apply)(Endpoint, const std::string&);
    std::string value;
};
std::ostream& operator<<(std::ostream& out, const SmugglingSetting& setting) {
    return out << setting.name;
}

Endpoint with_organization(Endpoint endpoint, const std::string& value) {
    endpoint.organization = value;
    return endpoint;
}
Endpoint with_project(Endpoint endpoint, const std::string& value) {
    endpoint.project = value;
    return endpoint;
}
Endpoint with_base_url_suffix(Endpoint endpoint, const std::string& value) {
    endpoint.base_url += value;
    return endpoint;
}

const SmugglingSetting smuggling_settings[] = {
    {"organization with CR LF and a header", with_organization, "org-kwtest\r\nX-Injected: 1"},
    {"organization with a lone LF", with_organization, "org-kwtest\n"},
    {"organization with a NUL", with_organization, std::string("org-kw\0test", 11)},
    {"organization with a non-ASCII character", with_organization, "org-kw\xC3\xA9test"},
    {"project with CR LF and a header", with_project, "proj_kwtest\r\nX-Injected: 1"},
    {"project with a lone CR", with_project, "proj_kwtest\r"},
    {"project with a NUL", with_project, std::string("proj_kw\0test", 12)},
    {"project with a zero-width space", with_project, "proj_kw\xE2\x80\x8Btest"},
    {"base URL with CR LF and a header", with_base_url_suffix, "\r\nX-Injected: 1"},
    {"base URL with a NUL", with_base_url_suffix, std::string("\0x", 2)},
    {"base URL with a non-ASCII character", with_base_url_suffix, "/mod\xC3\xA9ls"},
};

}  // namespace

BOOST_DATA_TEST_CASE(settings_with_line_breaks_nul_or_non_ascii_never_reach_the_server,
                     boost::unit_test::data::make(smuggling_settings), setting) {
    LoopbackServer server([](const RecordedRequest&, std::size_t) { return models_list(); });
    auto request = check_of(server);
    request.endpoint = setting.apply(request.endpoint, setting.value);
    const auto outcome = keywizard::net::check_key(request);
    CHECK_OUTCOME(outcome, KeyStatus::unverified, Reason::invalid_setting);
    BOOST_TEST(outcome.attempts == 0);
    BOOST_TEST(server.connection_count() == 0u);  // not even a TCP connection was opened
}

BOOST_AUTO_TEST_SUITE_END()
