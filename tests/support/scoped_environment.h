#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace keywizard::test {

// Sets and unsets environment variables for one test and puts every one back as it was afterwards, so a
// test neither depends on nor leaks into the caller's environment (OPENAI_API_KEY, HTTPS_PROXY, ...).
// The one environment guard of the tests.
class ScopedEnvironment {
  public:
    using Change = std::pair<std::string, std::optional<std::string>>;  // nullopt: unset the variable

    ScopedEnvironment() = default;
    ScopedEnvironment(std::initializer_list<Change> changes);
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

    void set(const std::string& name, const std::string& value);
    void unset(const std::string& name);
    // Every variable libcurl reads to choose a proxy, in both cases.
    void unset_proxy_variables();

  private:
    void remember(const std::string& name);
    std::vector<Change> saved_;
};

}  // namespace keywizard::test
