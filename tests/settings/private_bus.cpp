#include "private_bus.h"

#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

namespace keywizard::settings::test {

PrivateBus::PrivateBus(const std::filesystem::path& scratch) : scratch_(scratch) {
    std::filesystem::create_directories(scratch / "run");
    std::filesystem::create_directories(scratch / "data");
    ::chmod((scratch / "run").c_str(), 0700);
    const auto config = scratch / "bus.conf";
    std::ofstream(config)
        << R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=)"
        << (scratch / "bus").string() << R"(</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";
    daemon_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"dbus-daemon", "--config-file=" + config.string(), "--nofork", "--nosyslog",
                                 "--print-address=1"},
        Environment{});
    // Printed once it listens (after any complaint on stderr, which shares the pipe).
    address_ = "unix:path=" + (scratch / "bus").string();
    if (!daemon_->wait_for_output(address_, std::chrono::seconds(10))) {
        throw std::runtime_error("dbus-daemon did not start: " + daemon_->output());
    }
}

Environment PrivateBus::environment() const {
    return {{"DBUS_SESSION_BUS_ADDRESS", address_},
            {"XDG_RUNTIME_DIR", (scratch_ / "run").string()},
            {"XDG_DATA_HOME", (scratch_ / "data").string()}};
}

PrivateKeyring::PrivateKeyring(const PrivateBus& bus, bool unlock) {
    std::vector<std::string> argv{"gnome-keyring-daemon", "--foreground", "--components=secrets"};
    if (unlock) {
        argv.push_back("--unlock");  // reads the new login keyring's password from stdin
    }
    daemon_ = std::make_unique<ChildProcess>(argv, bus.environment(), unlock ? "keywizard-test" : "");
    const auto waited = run_program({helper_path(), "wait-for-name", "org.freedesktop.secrets", "10000"},
                                    bus.environment(), {}, std::chrono::seconds(15));
    ready_ = waited.exit_code == 0;
}

std::string helper_path() {
    return KEYRING_TEST_HELPER;
}

std::string report_field(const std::string& output, const std::string& name) {
    const auto key = name + "=";
    size_t at = output.rfind("\n" + key);
    at = at == std::string::npos ? (output.starts_with(key) ? 0 : std::string::npos) : at + 1;
    if (at == std::string::npos) {
        return "<missing " + name + ">";
    }
    const auto begin = at + key.size();
    return output.substr(begin, output.find('\n', begin) - begin);
}

}  // namespace keywizard::settings::test
