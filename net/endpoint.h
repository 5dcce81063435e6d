#pragma once

#include <chrono>
#include <string>

namespace keywizard::net {

inline constexpr const char* default_base_url = "https://api.openai.com/v1";

// Where and how to reach the API; everything but the key.
struct Endpoint {
    std::string base_url = default_base_url;
    std::string organization;  // sent as OpenAI-Organization only when not empty
    std::string project;       // sent as OpenAI-Project only when not empty
    std::string ca_file;       // empty: the system store
    std::string proxy;         // empty: libcurl's proxy variables
    std::chrono::seconds timeout{30};
    // Where the organization and project came from, for a person ("OPENAI_PROJECT_ID", "settings.json"):
    // a mismatch names the setting to fix. Empty: given with the check.
    std::string organization_from;
    std::string project_from;
};

}  // namespace keywizard::net
