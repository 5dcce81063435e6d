#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/cli/process_runner.h"
#include "tests/support/loopback_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

namespace keywizard::test {

std::string models_body(const std::vector<std::string>& ids);
std::string error_body(const std::string& message, const std::string& type, const std::string& code);

// A private config directory, a loopback HTTPS stand-in of the API, and a clean environment for the
// child: no display it could use (a bogus DISPLAY proves the CLI never opens one), no proxies, the real
// session bus only when a test asks for the keyring.
class CliFixture {
  public:
    CliFixture();
    CliFixture(const CliFixture&) = delete;
    CliFixture& operator=(const CliFixture&) = delete;

    // Serves every request with `reply`.
    void serve(Reply reply);
    void serve(Handler handler);
    LoopbackServer& server() { return *server_; }

    // The arguments that point a check at the stand-in: --base-url and --ca-file.
    std::vector<std::string> endpoint_args() const;
    ProcessResult run(std::vector<std::string> args, const std::string& stdin_text = {}) const;
    // Same, with `args` + endpoint_args().
    ProcessResult run_against_server(std::vector<std::string> args, const std::string& stdin_text = {}) const;

    void use_session_bus();  // passes the test session's DBUS_SESSION_BUS_ADDRESS to the child
    const std::filesystem::path& config_dir() const { return config_dir_; }
    std::map<std::string, std::string>& environment() { return environment_; }
    // Runs keywizard through `launcher` (see ProcessSpec) from now on.
    void launch_through(std::vector<std::string> launcher) { launcher_ = std::move(launcher); }

    // Every file under the temporary home whose bytes contain `needle`.
    std::vector<std::filesystem::path> files_containing(const std::string& needle) const;

  private:
    TempDir home_{"cli"};
    std::filesystem::path config_dir_;
    std::map<std::string, std::string> environment_;
    std::vector<std::string> launcher_;
    std::unique_ptr<LoopbackServer> server_;
};

}  // namespace keywizard::test
