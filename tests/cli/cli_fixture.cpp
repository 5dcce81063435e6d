#include "tests/cli/cli_fixture.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tests/support/test_pki.h"

namespace keywizard::test {

std::string models_body(const std::vector<std::string>& ids) {
    nlohmann::json data = nlohmann::json::array();
    for (const auto& id : ids) {
        data.push_back({{"id", id}, {"object", "model"}, {"created", 1715367049}, {"owned_by", "system"}});
    }
    return nlohmann::json{{"object", "list"}, {"data", data}}.dump();
}

std::string error_body(const std::string& message, const std::string& type, const std::string& code) {
    nlohmann::json error{{"message", message}, {"type", type}, {"param", nullptr}};
    error["code"] = code.empty() ? nlohmann::json(nullptr) : nlohmann::json(code);
    return nlohmann::json{{"error", error}}.dump();
}

CliFixture::CliFixture() {
    const std::filesystem::path& home = home_.path();
    config_dir_ = home / "config" / "keywizard";
    environment_ = {
        {"PATH", "/usr/bin:/bin"}, {"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / "config").string()},
        {"DISPLAY", ":987"},  // nothing listens there: opening a display would fail loudly
        {"LANG", "C.UTF-8"},
    };
    serve(Reply::json(200, models_body({"gpt-4o", "gpt-4o-mini", "text-embedding-3-small"}),
                      {{"x-request-id", "req_kwtest123"}, {"openai-organization", "user-kwtest"}}));
}

void CliFixture::serve(Reply reply) {
    serve([reply](const RecordedRequest&, std::size_t) { return reply; });
}

void CliFixture::serve(Handler handler) {
    server_.reset();  // stop the old one first: its port is not reused by the new one anyway
    server_ = std::make_unique<LoopbackServer>(std::move(handler));
}

std::vector<std::string> CliFixture::endpoint_args() const {
    return {"--base-url", server_->base_url() + "/v1", "--ca-file", TestPki::instance().ca_file()};
}

ProcessResult CliFixture::run(std::vector<std::string> args, const std::string& stdin_text) const {
    return run_keywizard({std::move(args), stdin_text, environment_, launcher_, {}});
}

ProcessResult CliFixture::run_against_server(std::vector<std::string> args,
                                             const std::string& stdin_text) const {
    const auto endpoint = endpoint_args();
    args.insert(args.end(), endpoint.begin(), endpoint.end());
    return run(std::move(args), stdin_text);
}

void CliFixture::use_session_bus() {
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    if (bus == nullptr) {
        throw std::runtime_error("no DBUS_SESSION_BUS_ADDRESS: run the tests under scripts/test-session");
    }
    environment_["DBUS_SESSION_BUS_ADDRESS"] = bus;
}

std::vector<std::filesystem::path> CliFixture::files_containing(const std::string& needle) const {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(home_.path())) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream file(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        if (bytes.find(needle) != std::string::npos) {
            found.push_back(entry.path());
        }
    }
    return found;
}

}  // namespace keywizard::test
