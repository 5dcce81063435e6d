#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "test_support.h"

namespace keywizard::settings::test {

// A D-Bus session bus of the test's own (dbus-daemon, killed at the end), with no service directories:
// nothing on it is started by activation, so gnome-keyring and its password prompter run only when the
// test starts them.
class PrivateBus {
  public:
    explicit PrivateBus(const std::filesystem::path& scratch);
    const std::string& address() const { return address_; }
    // The environment of a process that lives on this bus, with a runtime and data directory of its own
    // under `scratch` (gnome-keyring finds an existing daemon through XDG_RUNTIME_DIR, so it must differ).
    Environment environment() const;
    void stop() { daemon_->kill_now(); }

  private:
    std::filesystem::path scratch_;
    std::unique_ptr<ChildProcess> daemon_;
    std::string address_;
};

// gnome-keyring-daemon (secrets only) on `bus`, killed at the end. With a password the login keyring is
// created and unlocked; without one there is no default collection at all.
class PrivateKeyring {
  public:
    PrivateKeyring(const PrivateBus& bus, bool unlock);
    bool ready() const { return ready_; }
    std::string output() const { return daemon_->output(); }

  private:
    std::unique_ptr<ChildProcess> daemon_;
    bool ready_ = false;
};

std::string helper_path();
// "message" from the helper's "message=..." line.
std::string report_field(const std::string& output, const std::string& name);

}  // namespace keywizard::settings::test
