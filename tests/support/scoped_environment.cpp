#include "tests/support/scoped_environment.h"

#include <cstdlib>

namespace keywizard::test {

ScopedEnvironment::ScopedEnvironment(std::initializer_list<Change> changes) {
    for (const auto& [name, value] : changes) {
        if (value) {
            set(name, *value);
        } else {
            unset(name);
        }
    }
}

ScopedEnvironment::~ScopedEnvironment() {
    // Restore in reverse so a variable changed twice ends with its original value.
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
        if (it->second) {
            ::setenv(it->first.c_str(), it->second->c_str(), 1);
        } else {
            ::unsetenv(it->first.c_str());
        }
    }
}

void ScopedEnvironment::remember(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
}

void ScopedEnvironment::set(const std::string& name, const std::string& value) {
    remember(name);
    ::setenv(name.c_str(), value.c_str(), 1);
}

void ScopedEnvironment::unset(const std::string& name) {
    remember(name);
    ::unsetenv(name.c_str());
}

void ScopedEnvironment::unset_proxy_variables() {
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                             "ALL_PROXY", "no_proxy", "NO_PROXY"}) {
        unset(name);
    }
}

}  // namespace keywizard::test
