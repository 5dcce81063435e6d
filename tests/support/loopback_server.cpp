#include "tests/support/loopback_server.h"

#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <stdexcept>

namespace keywizard::test {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

const char* reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 307:
            return "Temporary Redirect";
        case 308:
            return "Permanent Redirect";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

std::string head_of(int status, const Headers& headers, std::string_view framing, bool keep_open = false) {
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
    for (const auto& [name, value] : headers) {
        head += name + ": " + value + "\r\n";
    }
    head += framing;
    head += keep_open ? "\r\n" : "Connection: close\r\n\r\n";
    return head;
}

std::string content_length(std::size_t length) {
    return "Content-Length: " + std::to_string(length) + "\r\n";
}

std::optional<RecordedRequest> parse_request(const std::string& head) {
    RecordedRequest request;
    request.received_at = std::chrono::steady_clock::now();
    std::size_t position = 0;
    bool first = true;
    while (position < head.size()) {
        const std::size_t end = head.find("\r\n", position);
        if (end == std::string::npos) {
            break;
        }
        const std::string line = head.substr(position, end - position);
        position = end + 2;
        if (first) {
            first = false;
            const auto space1 = line.find(' ');
            const auto space2 = line.rfind(' ');
            if (space1 == std::string::npos || space2 == space1) {
                return std::nullopt;
            }
            request.method = line.substr(0, space1);
            request.target = line.substr(space1 + 1, space2 - space1 - 1);
            request.version = line.substr(space2 + 1);
            continue;
        }
        request.header_lines.push_back(line);
    }
    return request;
}

// The body a POST announced with Content-Length, so tests can see what was sent (the probe's token cap).
void read_body(Channel& channel, std::string extra, RecordedRequest& request) {
    const auto length_text = request.header("content-length");
    if (!length_text) {
        return;
    }
    std::size_t length = 0;
    try {
        length = std::min<std::size_t>(std::stoul(*length_text), 1024 * 1024);
    } catch (...) {
        return;
    }
    request.body = std::move(extra);
    char buffer[4096];
    while (request.body.size() < length) {
        const long got = channel.read_some(buffer, sizeof buffer);
        if (got <= 0) {
            break;
        }
        request.body.append(buffer, static_cast<std::size_t>(got));
    }
    request.body.resize(std::min(request.body.size(), length));
}

SSL_CTX* make_tls_context(ServerIdentity identity) {
    const TestPki& pki = TestPki::instance();
    SSL_CTX* context = SSL_CTX_new(TLS_server_method());
    if (context == nullptr || SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) != 1 ||
        SSL_CTX_use_certificate_chain_file(context, pki.certificate_file(identity).c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(context, pki.key_file(identity).c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(context) != 1) {
        SSL_CTX_free(context);
        throw std::runtime_error("loopback server: cannot load the test certificate");
    }
    // Partial writes let write_all() make progress on a full socket without re-offering the same buffer.
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return context;
}

Reply typed_reply(int status, std::string body, Headers headers, std::string content_type) {
    Reply reply;
    reply.status = status;
    reply.headers = std::move(headers);
    reply.headers.emplace_back("Content-Type", std::move(content_type));
    reply.body = std::move(body);
    return reply;
}

}  // namespace

std::vector<std::string> RecordedRequest::header_values(std::string_view name) const {
    std::vector<std::string> values;
    for (const std::string& line : header_lines) {
        const auto colon = line.find(':');
        if (colon != std::string::npos &&
            equal_ignoring_case(std::string_view(line).substr(0, colon), name)) {
            values.emplace_back(trim(std::string_view(line).substr(colon + 1)));
        }
    }
    return values;
}

std::optional<std::string> RecordedRequest::header(std::string_view name) const {
    auto values = header_values(name);
    if (values.empty()) {
        return std::nullopt;
    }
    return values.front();
}

Reply Reply::json(int status, std::string body, Headers headers) {
    return typed_reply(status, std::move(body), std::move(headers), "application/json");
}

Reply Reply::html(int status, std::string body) {
    return typed_reply(status, std::move(body), {}, "text/html; charset=utf-8");
}

Reply Reply::redirect(int status, std::string location) {
    Reply reply;
    reply.status = status;
    reply.headers.emplace_back("Location", std::move(location));
    return reply;
}

Reply Reply::chunked(std::size_t total_bytes) {
    Reply reply;
    reply.kind = Kind::chunked_stream;
    reply.headers.emplace_back("Content-Type", "application/json");
    reply.stream_bytes = total_bytes;
    return reply;
}

Reply Reply::truncated(std::string sent, std::size_t declared_length) {
    Reply reply;
    reply.kind = Kind::truncated;
    reply.headers.emplace_back("Content-Type", "application/json");
    reply.body = std::move(sent);
    reply.declared_length = declared_length;
    return reply;
}

Reply Reply::reset_after(std::string sent, std::size_t declared_length) {
    Reply reply = truncated(std::move(sent), declared_length);
    reply.kind = Kind::reset_mid_body;
    return reply;
}

Reply Reply::drip(std::chrono::milliseconds interval) {
    Reply reply;
    reply.kind = Kind::slow_drip;
    reply.headers.emplace_back("Content-Type", "application/json");
    reply.declared_length = 1024 * 1024;
    reply.drip_interval = interval;
    return reply;
}

Reply Reply::silence() {
    Reply reply;
    reply.kind = Kind::never_answer;
    return reply;
}

LoopbackServer::LoopbackServer(Handler handler, std::optional<ServerIdentity> tls)
    : handler_(std::move(handler)), listener_(listen_on_loopback(port_)) {
    if (tls) {
        tls_ = make_tls_context(*tls);
    }
    acceptor_ = start_thread_without_sigpipe([this] { accept_loop(); });
}

LoopbackServer::~LoopbackServer() {
    stop_.wake();
    acceptor_.join();
    // The acceptor has ended, so nobody adds threads any more.
    for (std::thread& thread : connection_threads_) {
        thread.join();
    }
    SSL_CTX_free(tls_);
}

std::string LoopbackServer::base_url(std::string_view host) const {
    return std::string(tls_ ? "https://" : "http://") + std::string(host) + ":" + std::to_string(port_);
}

std::size_t LoopbackServer::request_count() const {
    std::lock_guard lock(mutex_);
    return requests_.size();
}

std::size_t LoopbackServer::connection_count() const {
    std::lock_guard lock(mutex_);
    return connections_;
}

std::size_t LoopbackServer::failed_handshake_count() const {
    std::lock_guard lock(mutex_);
    return failed_handshakes_;
}

std::size_t LoopbackServer::finished_connection_count() const {
    std::lock_guard lock(mutex_);
    return finished_;
}

std::vector<RecordedRequest> LoopbackServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

bool LoopbackServer::wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

bool LoopbackServer::wait_for_finished_connections(std::size_t count,
                                                   std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return finished_ >= count; });
}

void LoopbackServer::accept_loop() {
    for (;;) {
        if (wait_for(listener_.get(), POLLIN, stop_.fd()) != Wait::ready) {
            return;
        }
        UniqueFd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client) {
            continue;  // the client gave up between poll and accept
        }
        std::lock_guard lock(mutex_);
        ++connections_;
        // Started from the acceptor, whose SIGPIPE is blocked: so is this thread's.
        connection_threads_.emplace_back(
            [this, socket = std::move(client)]() mutable { serve(std::move(socket)); });
        changed_.notify_all();
    }
}

void LoopbackServer::note_finished() {
    {
        std::lock_guard lock(mutex_);
        ++finished_;
    }
    changed_.notify_all();
}

void LoopbackServer::serve(UniqueFd socket) {
    Channel channel(std::move(socket), tls_, stop_.fd());
    if (!channel.handshake()) {
        {
            std::lock_guard lock(mutex_);
            ++failed_handshakes_;
        }
        note_finished();
        return;
    }
    constexpr unsigned char tls_handshake_record = 0x16;
    if (tls_ == nullptr && channel.peek_first_byte() == tls_handshake_record) {
        (void)channel.write_all("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        channel.close_gracefully();
        note_finished();
        return;
    }
    std::string extra;
    for (bool first = true;; first = false) {
        const auto head = channel.read_head(extra);
        auto request = head ? parse_request(*head) : std::nullopt;
        if (!request) {
            if (first || head) {
                channel.reset();  // nothing, or not HTTP; a kept-open connection the client closed just ends
            }
            break;
        }
        read_body(channel, extra, *request);
        extra.clear();  // curl does not pipeline: nothing of the next request arrived with this one's body
        std::size_t index = 0;
        {
            std::lock_guard lock(mutex_);
            index = requests_.size();
            requests_.push_back(*request);
        }
        changed_.notify_all();
        const Reply reply =
            handler_ ? handler_(*request, index) : Reply::json(404, R"({"error":"no handler"})");
        if (!send_reply(channel, reply, keep_open_)) {
            break;
        }
    }
    note_finished();
}

bool LoopbackServer::send_reply(Channel& channel, const Reply& reply, bool keep_open) {
    if (!reply.interim.empty() && !channel.write_all(reply.interim)) {
        return false;
    }
    switch (reply.kind) {
        case Reply::Kind::complete:
            if (!channel.write_all(
                    head_of(reply.status, reply.headers, content_length(reply.body.size()), keep_open) +
                    reply.body)) {
                return false;
            }
            if (keep_open) {
                return true;
            }
            channel.close_gracefully();
            return false;

        case Reply::Kind::chunked_stream: {
            if (!channel.write_all(head_of(reply.status, reply.headers, "Transfer-Encoding: chunked\r\n"))) {
                return false;
            }
            // One fixed buffer, whatever the total: the stand-in must not be what uses the memory.
            const std::string chunk_body(64 * 1024, ' ');
            std::size_t remaining = reply.stream_bytes;
            while (remaining > 0) {
                const std::size_t size = std::min(remaining, chunk_body.size());
                char size_line[32];
                std::snprintf(size_line, sizeof size_line, "%zx\r\n", size);
                if (!channel.write_all(size_line) ||
                    !channel.write_all(std::string_view(chunk_body).substr(0, size)) ||
                    !channel.write_all("\r\n")) {
                    return false;  // the client hung up (as it should, at its cap)
                }
                remaining -= size;
            }
            if (channel.write_all("0\r\n\r\n")) {
                channel.close_gracefully();
            }
            return false;
        }

        case Reply::Kind::truncated:
            if (channel.write_all(
                    head_of(reply.status, reply.headers, content_length(reply.declared_length)) +
                    reply.body)) {
                channel.close_gracefully();
            }
            return false;

        case Reply::Kind::reset_mid_body:
            (void)channel.write_all(
                head_of(reply.status, reply.headers, content_length(reply.declared_length)) + reply.body);
            channel.reset();
            return false;

        case Reply::Kind::slow_drip:
            if (!channel.write_all(
                    head_of(reply.status, reply.headers, content_length(reply.declared_length)))) {
                return false;
            }
            for (std::size_t sent = 0; sent < reply.declared_length; ++sent) {
                if (!channel.write_all(" ") || channel.peer_gone_or_stopped(reply.drip_interval)) {
                    return false;
                }
            }
            return false;

        case Reply::Kind::never_answer:
            while (!channel.peer_gone_or_stopped(std::nullopt)) {
            }
            return false;
    }
    return false;
}

}  // namespace keywizard::test
