// DESIGN.md's "TLS verification always on, no switch to turn it off", from the outside: no command-line
// option, settings.json key or environment variable that other tools honour makes `keywizard check` accept
// a server whose certificate it cannot verify, and the key never reaches that server.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_fixture.h"
#include "tests/support/test_pki.h"

using namespace keywizard::test;

namespace {

// A stand-in whose certificate is signed by a CA the client is not given.
struct UntrustedServerFixture : CliFixture {
    LoopbackServer untrusted{
        [](const RecordedRequest&, std::size_t) { return Reply::json(200, models_body({"gpt-4o"})); },
        ServerIdentity::untrusted_ca};

    std::vector<std::string> check_args(std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {"check",
                                         "--stdin",
                                         "--json",
                                         "--base-url",
                                         untrusted.base_url() + "/v1",
                                         "--ca-file",
                                         TestPki::instance().ca_file()};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    void require_refused_as_untrusted(const ProcessResult& result) {
        BOOST_TEST(result.exit_code == 4, result.out << result.err);
        BOOST_TEST_REQUIRE(nlohmann::json::accept(result.out), result.out << result.err);
        BOOST_TEST(nlohmann::json::parse(result.out).at("reason").get<std::string>() == "tls_certificate");
        BOOST_TEST(untrusted.request_count() == 0u);  // the handshake failed: no request, no key
    }
};

const char* const switch_flags[] = {"--insecure", "-k", "--no-verify", "--no-verify-ssl", "--ssl-no-verify"};

// Variables that turn verification off in other tools (curl, git, Node, Python, ...).
const std::pair<const char*, const char*> switch_variables[] = {
    {"CURL_INSECURE", "1"},     {"GIT_SSL_NO_VERIFY", "1"},  {"NODE_TLS_REJECT_UNAUTHORIZED", "0"},
    {"PYTHONHTTPSVERIFY", "0"}, {"CURL_SSL_NO_VERIFY", "1"}, {"OPENAI_VERIFY_SSL", "false"},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tls_rules_tests, UntrustedServerFixture)

BOOST_DATA_TEST_CASE(no_option_turns_verification_off, boost::unit_test::data::make(switch_flags), flag) {
    const auto result = run(check_args({flag}), valid_key + "\n");
    BOOST_TEST(result.exit_code == 64, flag << ": " << result.out << result.err);  // a usage error
    BOOST_TEST(untrusted.connection_count() == 0u);
}

BOOST_AUTO_TEST_CASE(no_environment_variable_turns_verification_off) {
    for (const auto& [name, value] : switch_variables) {
        environment()[name] = value;
    }
    require_refused_as_untrusted(run(check_args(), valid_key + "\n"));
}

BOOST_AUTO_TEST_CASE(no_settings_key_turns_verification_off) {
    std::filesystem::create_directories(config_dir());
    std::ofstream(config_dir() / "settings.json")
        << R"({"insecure": true, "verify": false, "ssl_verify": false, "tls_verify": false,)"
           R"( "verify_ssl": false, "ssl_verify_peer": false})";
    require_refused_as_untrusted(run(check_args(), valid_key + "\n"));
}

BOOST_AUTO_TEST_SUITE_END()
