#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"

// What the main window shows about the stored key, read on a worker thread (keyring calls block). It holds
// the masked key only: the key itself never reaches a window of the main frame.
namespace keywizard::ui {

struct KeyState {
    settings::SecretReadState read_state = settings::SecretReadState::not_found;
    std::string masked_key;    // "sk-proj-…wxyz" when found
    std::string location;      // for a person: the keyring's name or the .env path
    std::string read_problem;  // why the key could not be read (unavailable, failed)
    settings::AppSettings settings;
    std::vector<std::string> settings_warnings;  // e.g. a corrupt settings.json that was moved aside
    // OPENAI_API_KEY, masked, when it is set and differs from the stored key (tools that read it use it).
    std::string environment_key_masked;

    bool configured() const { return read_state == settings::SecretReadState::found; }
};

// Blocking: reads settings.json and the secret from where key_storage says it is.
KeyState load_key_state(const std::filesystem::path& config_dir);

// Blocking: checks the stored key against the endpoint in settings.json and records the result there as
// the last check (unless cancelled). When no key can be read, says so as a rejected outcome without any
// I/O. `cancel` may be null. A base URL other than the one the key was verified against is refused
// (endpoint_changed) unless `confirmed_base_url` names it: the person said to send it there.
net::KeyCheckOutcome check_stored_key(const std::filesystem::path& config_dir,
                                      const net::CancelTokenPtr& cancel,
                                      const std::optional<std::string>& confirmed_base_url = std::nullopt);

}  // namespace keywizard::ui
