#pragma once
// When a check asks again: which outcomes are worth a retry, and how long the server says to wait (its
// Retry-After, HTTP-date or rate-limit headers, or its message).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "net/check_outcome.h"
#include "net/http_client.h"

namespace keywizard::net {

// The HTTP-date of RFC 9110 section 5.6.7 in its preferred form, IMF-fixdate ("Sun, 06 Nov 1994 08:49:37
// GMT"): what a Retry-After or a Date header carries. The two obsolete forms (RFC 850, asctime) are not
// sent by any server keywizard talks to and count as unreadable. Whole seconds: a year up to 9999 fits
// without overflow, unlike the nanoseconds of system_clock.
std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text);

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

// A Go-style duration as the x-ratelimit-reset-* headers and the API's messages write it: "26.604s",
// "120ms", "1m2.5s", "6m0s", "1h2m". Nothing for anything else.
std::optional<std::chrono::milliseconds> parse_reset_duration(std::string_view text);

// What a 429 rate limit says about itself: which limit was hit and how long to wait.
struct RateLimit {
    std::optional<std::chrono::milliseconds> wait;
    std::string limit;     // "tokens", "requests", or empty when the answer does not say
    bool per_day = false;  // the limit is per day (TPD, RPD), not per minute
};
// The wait is the server's own: Retry-After (server_requested_wait) first, then the x-ratelimit-reset-*
// header of the limit that was hit (the larger of the two when the answer does not say which), then the
// message's "try again in 26.604s". `error_type` and `message` come from the error body.
RateLimit rate_limit_of(const HttpResponse& response, std::string_view error_type, std::string_view message);

}  // namespace keywizard::net
