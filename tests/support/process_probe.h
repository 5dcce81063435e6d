#pragma once

#include <cstddef>
#include <optional>

namespace keywizard::test {

// The process's peak resident set size (VmHWM), in bytes, from /proc/self/status.
std::optional<std::size_t> peak_resident_bytes();
// Resets the peak to the current resident size (writes "5" to /proc/self/clear_refs, Linux 4.0+). False
// when the kernel refuses; then a peak measured afterwards also includes what came before.
bool reset_peak_resident();

}  // namespace keywizard::test
