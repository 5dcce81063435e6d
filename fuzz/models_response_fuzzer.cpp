// Fuzz target: net::classify_models_response on any status, headers and body a server (or a proxy, or a
// captive portal) could send, then the redaction check_key applies to what is shown.
//
// Input layout (so that seeds stay readable):
//   bytes 0-1  HTTP status, big-endian, modulo 1000 (0: no status line arrived)
//   byte 2     transport error: below 0xE0 none, else one of TransportError by (byte - 0xE0)
//   byte 3     how many required models (byte % 4) from a fixed list
//   the rest   header lines "name: value\n" up to the first empty line, then the body; without an empty
//              line the rest is all body. "@K" anywhere stands for the key that was sent.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "net/check_outcome.h"
#include "net/http_client.h"
#include "net/models_check.h"
#include "net/server_text.h"

namespace {

using keywizard::fuzz::has_no_control_characters;
using keywizard::fuzz::is_valid_utf8;
using namespace keywizard::net;

// Shaped like a project key, plainly fake, and without repeats so that any 16-character window of it is
// unique to it.
const std::string sent_key = "sk-proj-kwFUZZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
constexpr std::size_t leak_window = 16;

const std::array<std::string, 3> model_ids = {"gpt-4o", "gpt-4o-mini", "kw-not-listed"};

constexpr std::array<TransportError, 14> transport_errors = {
    TransportError::none,
    TransportError::timeout,
    TransportError::dns,
    TransportError::connect,
    TransportError::connection_lost,
    TransportError::proxy,
    TransportError::tls_certificate,
    TransportError::tls,
    TransportError::ca_bundle,
    TransportError::cancelled,
    TransportError::too_large,
    TransportError::insecure_endpoint,
    TransportError::invalid_request,
    TransportError::other,
};

// The reason DESIGN.md gives each transport failure ("other" has none of its own).
std::string_view expected_reason(TransportError error) {
    switch (error) {
        case TransportError::timeout:
            return "timeout";
        case TransportError::dns:
            return "dns";
        case TransportError::connect:
            return "connect";
        case TransportError::connection_lost:
            return "connection_lost";
        case TransportError::proxy:
            return "proxy";
        case TransportError::tls_certificate:
            return "tls_certificate";
        case TransportError::tls:
            return "tls";
        case TransportError::ca_bundle:
            return "ca_bundle";
        case TransportError::cancelled:
            return "cancelled";
        case TransportError::too_large:
            return "too_large";
        case TransportError::insecure_endpoint:
            return "insecure_endpoint";
        case TransportError::invalid_request:
            return "invalid_setting";
        case TransportError::other:
            return "unexpected_response";
        case TransportError::none:
            break;
    }
    return "";
}

std::string with_key(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.substr(at, 2) == "@K") {
            out += sent_key;
            ++at;
        } else {
            out += text[at];
        }
    }
    return out;
}

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

// What http_get hands over: lower-case names, values trimmed of blanks, no line ends.
HeaderList parse_headers(std::string_view block) {
    HeaderList headers;
    while (!block.empty()) {
        const auto end = block.find('\n');
        std::string_view line = block.substr(0, end);
        block = end == std::string_view::npos ? std::string_view() : block.substr(end + 1);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
            value.remove_prefix(1);
        }
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
            value.remove_suffix(1);
        }
        headers.emplace_back(lower(with_key(line.substr(0, colon))), with_key(value));
    }
    return headers;
}

void check_no_part_of_the_key(std::string_view text) {
    for (std::size_t at = 0; at + leak_window <= sent_key.size(); ++at) {
        FUZZ_CHECK(text.find(sent_key.substr(at, leak_window)) == std::string_view::npos);
    }
}

void check_shown_text(std::string_view text) {
    FUZZ_CHECK(is_valid_utf8(text));
    FUZZ_CHECK(has_no_control_characters(text));
    check_no_part_of_the_key(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) {
        return 0;
    }
    HttpResponse response;
    response.status = ((data[0] << 8) | data[1]) % 1000;
    response.error = data[2] < 0xE0 ? TransportError::none : transport_errors[(data[2] - 0xE0) % 14];
    std::vector<std::string> required(model_ids.begin(), model_ids.begin() + data[3] % 4);
    const std::string_view rest(reinterpret_cast<const char*>(data) + 4, size - 4);
    const auto split = rest.find("\n\n");
    if (split != std::string_view::npos) {
        response.headers = parse_headers(rest.substr(0, split));
        response.body = with_key(rest.substr(split + 2));
    } else {
        response.body = with_key(rest);
    }
    if (response.error != TransportError::none) {
        response.error_detail = response.body;  // libcurl's error text, as untrusted as a body
    }

    KeyCheckOutcome outcome = classify_models_response(response, required);

    FUZZ_CHECK(status_of(outcome.reason) == outcome.status);
    FUZZ_CHECK(outcome.http_status.has_value() == (response.status > 0));
    if (response.error != TransportError::none) {
        FUZZ_CHECK(to_string(outcome.reason) == expected_reason(response.error));
    } else {
        FUZZ_CHECK(outcome.reason != Reason::malformed_key && outcome.reason != Reason::admin_key);
    }
    if (outcome.reason == Reason::ok) {
        FUZZ_CHECK(response.status == 200 && outcome.missing_models.empty());
    }
    if (outcome.reason == Reason::required_model_missing) {
        FUZZ_CHECK(!outcome.missing_models.empty());
    }
    if (response.status >= 300 && response.status < 400 && response.error == TransportError::none) {
        FUZZ_CHECK(outcome.reason == Reason::redirect);  // never followed, never anything else
    }
    for (const auto& missing : outcome.missing_models) {
        FUZZ_CHECK(std::find(required.begin(), required.end(), missing) != required.end());
    }
    FUZZ_CHECK(!outcome.message.empty());
    FUZZ_CHECK(is_valid_utf8(outcome.message));

    // check_key's last step: the exact key, wherever it survived, is masked. After it, not even part of
    // the key may be visible in anything shown or printed.
    for (std::string* text :
         {&outcome.detail, &outcome.message, &outcome.request_id, &outcome.organization, &outcome.project}) {
        *text = redact_key(*text, sent_key);
    }
    check_shown_text(outcome.detail);
    check_shown_text(outcome.request_id);
    check_shown_text(outcome.organization);
    check_shown_text(outcome.project);
    check_no_part_of_the_key(outcome.message);
    for (const auto& note : outcome.notes) {
        check_no_part_of_the_key(note);
    }
    return 0;
}
