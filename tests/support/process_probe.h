#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace keywizard::test {

// Sets and unsets environment variables for one test and puts every one back as it was afterwards, so a
// test neither depends on nor leaks into the caller's environment (HTTPS_PROXY, NO_PROXY, ...).
class ScopedEnvironment {
  public:
    ScopedEnvironment() = default;
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

    void set(const std::string& name, const std::string& value);
    void unset(const std::string& name);
    // Every variable libcurl reads to choose a proxy, in both cases.
    void unset_proxy_variables();

  private:
    void remember(const std::string& name);
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// The process's peak resident set size (VmHWM), in bytes, from /proc/self/status.
std::optional<std::size_t> peak_resident_bytes();
// Resets the peak to the current resident size (writes "5" to /proc/self/clear_refs, Linux 4.0+). False
// when the kernel refuses; then a peak measured afterwards also includes what came before.
bool reset_peak_resident();

}  // namespace keywizard::test
