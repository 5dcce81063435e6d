#pragma once
// The HTTP-date of RFC 9110 section 5.6.7 in its preferred form, IMF-fixdate ("Sun, 06 Nov 1994 08:49:37
// GMT"): what a Retry-After or a Date header carries. The two obsolete forms (RFC 850, asctime) are not
// sent by any server keywizard talks to and count as unreadable.
#include <chrono>
#include <optional>
#include <string_view>

namespace keywizard::net {

// Whole seconds: a year up to 9999 fits without overflow, unlike the nanoseconds of system_clock.
std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text);

}  // namespace keywizard::net
