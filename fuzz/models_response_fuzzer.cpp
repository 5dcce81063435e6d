// Fuzz target: net::classify_models_response on any status, headers and body a server (or a proxy, or a
// captive portal) could send, then the redaction check_key applies to what is shown, and the retry wait
// the headers ask for.
//
// Input layout (so that seeds stay readable):
//   bytes 0-1  HTTP status, big-endian, modulo 1000 (0: no status line arrived)
//   byte 2     transport failure: below 0xE0 none, else one of transport_failures by (byte - 0xE0)
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
#include "net/retry_policy.h"
#include "net/server_text.h"

namespace {

using keywizard::fuzz::has_no_control_characters;
using keywizard::fuzz::is_valid_utf8;
using namespace keywizard::net;

// Two keys shaped like project keys, plainly fake, sharing only the "sk-proj-" that masks show anyway.
// Each body has 40 distinct characters, none of "sk-proj", and the second is the first reversed, so no
// position and no run of the first appears in the second. The same input is classified once with each key
// as the one that was sent: a run of 16 characters of the first key shown after the first run but not after
// the second came from the key, not from the input (libFuzzer learns the key's runs and writes them in).
const std::string sent_key = "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghilmn";
const std::string other_key = "sk-proj-nmlihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA";
constexpr std::size_t leak_window = 16;

const std::array<std::string, 3> model_ids = {"gpt-4o", "gpt-4o-mini", "kw-not-listed"};

// What the transport can report: the reason it gives, and whether the reply was not HTTP at all.
struct TransportFailure {
    Reason reason;
    bool reply_not_http;
};

constexpr std::array<TransportFailure, 15> transport_failures = {{
    {Reason::ok, false},
    {Reason::timeout, false},
    {Reason::dns, false},
    {Reason::connect, false},
    {Reason::connection_lost, false},
    {Reason::proxy, false},
    {Reason::tls_certificate, false},
    {Reason::tls, false},
    {Reason::ca_bundle, false},
    {Reason::cancelled, false},
    {Reason::too_large, false},
    {Reason::insecure_endpoint, false},
    {Reason::invalid_setting, false},
    {Reason::unexpected_response, false},
    {Reason::unexpected_response, true},
}};

std::string with_key(std::string_view text, const std::string& key) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.substr(at, 2) == "@K") {
            out += key;
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
HeaderList parse_headers(std::string_view block, const std::string& key) {
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
        headers.emplace_back(lower(with_key(line.substr(0, colon), key)), with_key(value, key));
    }
    return headers;
}

// Fails when `shown` (after sending sent_key) holds a run of sent_key that `control` (the same input, after
// sending other_key) does not.
void check_no_part_of_the_key(std::string_view shown, std::string_view control) {
    for (std::size_t at = 0; at + leak_window <= sent_key.size(); ++at) {
        const std::string_view run = std::string_view(sent_key).substr(at, leak_window);
        FUZZ_CHECK(shown.find(run) == std::string_view::npos || control.find(run) != std::string_view::npos);
    }
}

void check_shown_text(std::string_view shown, std::string_view control) {
    FUZZ_CHECK(is_valid_utf8(shown));
    FUZZ_CHECK(has_no_control_characters(shown));
    check_no_part_of_the_key(shown, control);
}

HttpResponse response_from(std::string_view input, const std::string& key) {
    HttpResponse response;
    const auto* data = reinterpret_cast<const std::uint8_t*>(input.data());
    response.status = ((data[0] << 8) | data[1]) % 1000;
    if (data[2] >= 0xE0) {
        const TransportFailure failure = transport_failures[(data[2] - 0xE0) % transport_failures.size()];
        response.error = failure.reason;
        response.reply_not_http = failure.reply_not_http;
    }
    const std::string_view rest = input.substr(4);
    const auto split = rest.find("\n\n");
    if (split != std::string_view::npos) {
        response.headers = parse_headers(rest.substr(0, split), key);
        response.body = with_key(rest.substr(split + 2), key);
    } else {
        response.body = with_key(rest, key);
    }
    if (response.error != Reason::ok) {
        response.error_detail = response.body;  // libcurl's error text, as untrusted as a body
    }
    return response;
}

// classify_models_response, then check_key's last step: the exact key, wherever it survived, is masked.
KeyCheckOutcome classify_as_check_key_does(const HttpResponse& response,
                                           const std::vector<std::string>& required, const std::string& key) {
    KeyCheckOutcome outcome = classify_models_response(response, required);
    for (std::string* text :
         {&outcome.detail, &outcome.message, &outcome.request_id, &outcome.organization, &outcome.project}) {
        *text = redact_key(*text, key);
    }
    return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) {
        return 0;
    }
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string> required(model_ids.begin(), model_ids.begin() + data[3] % 4);
    const HttpResponse response = response_from(input, sent_key);
    const KeyCheckOutcome outcome = classify_as_check_key_does(response, required, sent_key);
    const KeyCheckOutcome control =
        classify_as_check_key_does(response_from(input, other_key), required, other_key);

    FUZZ_CHECK(status_of(outcome.reason) == outcome.status);
    FUZZ_CHECK(outcome.http_status.has_value() == (response.status > 0));
    if (response.error != Reason::ok) {
        FUZZ_CHECK(outcome.reason == response.error);  // a transport failure keeps its reason
    } else {
        FUZZ_CHECK(outcome.reason != Reason::malformed_key && outcome.reason != Reason::admin_key);
    }
    if (outcome.reason == Reason::ok) {
        FUZZ_CHECK(response.status == 200 && outcome.missing_models.empty());
    }
    if (outcome.reason == Reason::required_model_missing) {
        FUZZ_CHECK(!outcome.missing_models.empty());
    }
    if (response.status >= 300 && response.status < 400 && response.error == Reason::ok) {
        FUZZ_CHECK(outcome.reason == Reason::redirect);  // never followed, never anything else
    }
    for (const auto& missing : outcome.missing_models) {
        FUZZ_CHECK(std::find(required.begin(), required.end(), missing) != required.end());
    }
    FUZZ_CHECK(!outcome.message.empty());
    FUZZ_CHECK(is_valid_utf8(outcome.message));

    // Whatever Retry-After / retry-after-ms / Date say, the wait before the one retry stays within bounds.
    if (const auto wait = retry_wait_for(response, outcome.reason)) {
        FUZZ_CHECK(wait->count() >= 0 && *wait <= longest_retry_wait);
    }

    // Not even part of the key may be visible in anything shown or printed.
    check_shown_text(outcome.detail, control.detail);
    check_shown_text(outcome.request_id, control.request_id);
    check_shown_text(outcome.organization, control.organization);
    check_shown_text(outcome.project, control.project);
    check_no_part_of_the_key(outcome.message, control.message);
    const auto joined = [](const std::vector<std::string>& notes) {
        std::string all;
        for (const auto& note : notes) {
            all += note + "\n";
        }
        return all;
    };
    check_no_part_of_the_key(joined(outcome.notes), joined(control.notes));
    return 0;
}
