#pragma once

#include <string>
#include <utility>

namespace keywizard::settings {

// Result of a write or removal. `message` is for a person and names the path or service involved.
struct StorageStatus {
    bool ok = true;
    std::string message;

    static StorageStatus success(std::string message = {}) { return {true, std::move(message)}; }
    static StorageStatus failure(std::string message) { return {false, std::move(message)}; }
};

}  // namespace keywizard::settings
