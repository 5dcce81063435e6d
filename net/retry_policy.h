#pragma once

#include <chrono>
#include <optional>

#include "net/check_outcome.h"
#include "net/http_client.h"

namespace keywizard::net {

inline constexpr std::chrono::milliseconds longest_retry_wait{5'000};
inline constexpr std::chrono::milliseconds default_retry_wait{1'000};

// How long to wait before the one retry DESIGN.md allows, or nothing when this outcome is final. Only a
// 5xx, a connection lost mid-way and a rate limit are worth a second try; a rejected key, a 403 or
// insufficient_quota will not change by asking again. A server asking for more than 5 s is believed and
// not retried: retrying sooner would only be refused again.
std::optional<std::chrono::milliseconds> retry_wait_for(const HttpResponse& response, Reason reason);

// What the server asked for: retry-after-ms (milliseconds), else Retry-After in seconds or as an HTTP-date
// (counted from the response's Date, else from the local clock; a date already past means now). Anything
// unreadable, negative or more than a day away counts as not asked.
std::optional<std::chrono::milliseconds> server_requested_wait(const HttpResponse& response);

}  // namespace keywizard::net
