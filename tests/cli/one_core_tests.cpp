// One core for every caller (issue 10): the command line, the public API, the wizard's Test key and the
// app's Test key resolve the endpoint the same way (option > environment > settings.json > default), so
// for the same environment and settings they send the same request; hosts in other languages drive
// `keywizard wizard --json`; two app ids never share a key.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/key_setup.h"
#include "keywizard/core.h"
#include "tests/cli/cli_fixture.h"
#include "tests/support/scoped_environment.h"
#include "tests/support/test_pki.h"
#include "wizard/app/check_settings.h"
#include "wizard/pages/wizard_storage.h"

namespace keywizard::test {
namespace {

// Sets environment variables for this process (the in-process callers) and for the child (the CLI); the
// process's own are put back afterwards.
class SharedEnvironment {
  public:
    SharedEnvironment(CliFixture& fixture, const std::map<std::string, std::string>& variables) {
        for (const auto& [name, value] : variables) {
            own_.set(name, value);
            fixture.environment()[name] = value;
        }
    }

  private:
    keywizard::test::ScopedEnvironment own_;
};

void write_settings(const std::filesystem::path& dir, const nlohmann::json& settings) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "settings.json") << settings.dump(2);
}

// What identifies a request: where it went and every header a check sets.
std::string fingerprint(const RecordedRequest& request) {
    std::string text = request.method + " " + request.target;
    for (const char* name :
         {"Authorization", "OpenAI-Organization", "OpenAI-Project", "User-Agent", "Accept"}) {
        text += "\n" + std::string(name) + ": " + request.header(name).value_or("(none)");
    }
    return text;
}

Options app_in(const CliFixture& fixture) {
    Options options;
    options.config_dir = fixture.config_dir();
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(one_core_tests)

BOOST_AUTO_TEST_CASE(precedence_is_option_then_environment_then_settings_then_default) {
    settings::AppSettings saved;
    saved.base_url = "https://settings.example/v1";
    saved.organization = "org-settings";
    saved.project = "proj_settings";
    ::setenv("OPENAI_BASE_URL", "https://environment.example/v1", 1);
    ::unsetenv("OPENAI_ORG_ID");
    ::unsetenv("OPENAI_PROJECT_ID");
    ::unsetenv("SSL_CERT_FILE");
    Options options;
    options.project = "proj_argument";
    const Endpoint endpoint = core::resolve_endpoint(options, saved);
    ::unsetenv("OPENAI_BASE_URL");

    BOOST_TEST(endpoint.base_url.value == "https://environment.example/v1");
    BOOST_TEST((endpoint.base_url.source == Source::environment));
    BOOST_TEST(endpoint.base_url.variable == "OPENAI_BASE_URL");
    BOOST_TEST(endpoint.organization.value == "org-settings");
    BOOST_TEST((endpoint.organization.source == Source::settings));
    BOOST_TEST(endpoint.project.value == "proj_argument");
    BOOST_TEST((endpoint.project.source == Source::argument));
    BOOST_TEST(endpoint.ca_file.value.empty());
    BOOST_TEST((endpoint.ca_file.source == Source::default_value));

    const Endpoint defaults = core::resolve_endpoint(Options{}, settings::AppSettings{});
    BOOST_TEST(defaults.base_url.value == "https://api.openai.com/v1");
    BOOST_TEST((defaults.base_url.source == Source::default_value));
}

BOOST_AUTO_TEST_CASE(cli_public_api_wizard_and_app_send_the_same_request) {
    CliFixture fixture;
    fixture.serve(Reply::json(200, models_body({"gpt-4o-mini"})));
    write_settings(fixture.config_dir(), {{"base_url", fixture.server().base_url() + "/v1"},
                                          {"organization", "org-settings"},
                                          {"project", "proj_settings"},
                                          {"ca_file", TestPki::instance().ca_file()}});
    // The environment's organization must win over settings.json's, for every caller.
    const SharedEnvironment environment(fixture, {{"OPENAI_ORG_ID", "org-environment"}});
    const Options app = app_in(fixture);

    // 1. keywizard check --stdin
    const ProcessResult cli = fixture.run({"check", "--stdin"}, valid_key);
    BOOST_TEST_REQUIRE(cli.exit_code == 0, cli.err);

    // 2. the public API (what a host's "Test key" calls)
    const CheckResult api = keywizard::check_key(app, valid_key);
    BOOST_TEST((api.status == Status::valid));

    // 3. the wizard's Test key: its request from the start facts, the Advanced fields left as they opened
    const ui::WizardStartFacts facts = ui::probe_wizard_start(app);
    const Options wizard_options = ui::options_with_fields(app, facts.resolved, facts.resolved);
    const auto wizard = net::check_key(ui::wizard_check_request(wizard_options, facts.settings, valid_key));
    BOOST_TEST((wizard.status == net::KeyStatus::valid));

    // 4. the demo app's Test key: the stored key, checked by the core for the main window
    core::SaveRequest save;
    save.key = valid_key;
    save.backend = settings::SecretBackend::file;
    save.checked = &wizard;  // verified at the stand-in by step 3: the stored key may go there
    save.checked_base_url = fixture.server().base_url() + "/v1";
    BOOST_TEST_REQUIRE(core::save(app, save).ok);
    const auto stored = core::check_stored_key(ui::app_options(fixture.config_dir()), nullptr).outcome;
    BOOST_TEST((stored.status == net::KeyStatus::valid));

    const auto requests = fixture.server().requests();
    BOOST_TEST_REQUIRE(requests.size() == 4u);
    for (const auto& request : requests) {
        BOOST_TEST(fingerprint(request) == fingerprint(requests.front()));
    }
    BOOST_TEST(requests.front().header("OpenAI-Organization").value_or("") == "org-environment");
    BOOST_TEST(requests.front().header("OpenAI-Project").value_or("") == "proj_settings");
    BOOST_TEST(requests.front().target == "/v1/models");
}

BOOST_AUTO_TEST_CASE(the_wizard_never_saves_an_environment_value_it_was_not_told_to_keep) {
    CliFixture fixture;
    fixture.serve(Reply::json(200, models_body({"gpt-4o-mini"})));
    write_settings(fixture.config_dir(), {{"ca_file", TestPki::instance().ca_file()}});
    const SharedEnvironment environment(fixture, {{"OPENAI_BASE_URL", fixture.server().base_url() + "/v1"},
                                                  {"OPENAI_PROJECT_ID", "proj_env"}});
    const Options app = app_in(fixture);
    const ui::WizardStartFacts facts = ui::probe_wizard_start(app);
    BOOST_TEST(facts.resolved.base_url == fixture.server().base_url() + "/v1");

    // The person leaves the base URL alone and types an organization.
    ui::EndpointFields typed = facts.resolved;
    typed.organization = "org-typed";
    ui::SaveKeyRequest request;
    request.app = ui::options_with_fields(app, facts.resolved, typed);
    request.key = valid_key;
    request.backend = settings::SecretBackend::file;
    const auto check = ui::wizard_check_request(request.app, facts.settings, valid_key);
    request.tested = net::check_key(check);
    request.tested_base_url = check.endpoint.base_url;
    BOOST_TEST_REQUIRE((request.tested.status == net::KeyStatus::valid));
    BOOST_TEST_REQUIRE(ui::save_tested_key(request).status.ok);

    const settings::AppSettings saved = settings::SettingsFile(fixture.config_dir()).load().settings;
    BOOST_TEST(saved.base_url.empty());  // the environment's, not saved
    BOOST_TEST(saved.project.empty());   // the environment's, not saved
    BOOST_TEST(saved.organization == "org-typed");
    BOOST_TEST(saved.verified_base_url == fixture.server().base_url() + "/v1");  // where it was verified
    BOOST_TEST(saved.last_check_status == "valid");
}

BOOST_AUTO_TEST_CASE(two_app_ids_never_share_a_key_or_settings) {
    CliFixture fixture;
    const auto args_for = [&](const std::string& app_id) {
        std::vector<std::string> args = {"set", "--store", "file", "--app-id", app_id};
        const auto endpoint = fixture.endpoint_args();
        args.insert(args.end(), endpoint.begin(), endpoint.end());
        return args;
    };
    BOOST_TEST_REQUIRE(fixture.run(args_for("com.example.Writer"), valid_key).exit_code == 0);
    BOOST_TEST_REQUIRE(fixture.run(args_for("com.example.Painter"), other_valid_key).exit_code == 0);

    const auto writer = fixture.run({"show", "--json", "--app-id", "com.example.Writer"});
    const auto painter = fixture.run({"show", "--json", "--app-id", "com.example.Painter"});
    const auto own = fixture.run({"show", "--json"});
    BOOST_TEST(nlohmann::json::parse(writer.out)["key"].get<std::string>() == mask_key(valid_key));
    BOOST_TEST(nlohmann::json::parse(painter.out)["key"].get<std::string>() == mask_key(other_valid_key));
    BOOST_TEST(nlohmann::json::parse(own.out)["stored"].get<bool>() == false);
    const auto writer_dir = fixture.config_dir().parent_path() / "com.example.Writer";
    BOOST_TEST(std::filesystem::exists(writer_dir / ".env"));
    BOOST_TEST(!std::filesystem::exists(fixture.config_dir() / ".env"));

    const auto bad = fixture.run({"show", "--app-id", "../escape"});
    BOOST_TEST(bad.exit_code == 64);
    BOOST_TEST(bad.err.find("app id") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(windows_without_a_display_say_so_in_one_line) {
    CliFixture fixture;
    fixture.environment().erase("DISPLAY");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{}, {"wizard"}, {"wizard", "--json"}}) {
        const ProcessResult result = fixture.run(args);
        BOOST_TEST(result.exit_code == 69);
        BOOST_TEST(result.err.find("no display") != std::string::npos);
        BOOST_TEST(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        BOOST_TEST(result.out.empty());
    }
    // A display that cannot be opened: the same, not GTK's SIGTRAP (the fixture's :987 has no server).
    fixture.environment()["DISPLAY"] = ":987";
    const ProcessResult refused = fixture.run({"wizard"});
    BOOST_TEST(refused.exit_code == 69);
    BOOST_TEST(refused.err.find("cannot open the display") != std::string::npos);

    const ProcessResult help = fixture.run({"wizard", "--help"});
    BOOST_TEST(help.exit_code == 0);
    BOOST_TEST(help.out.find("--app-id") != std::string::npos);
}

// A host in another language spawns the wizard and reads one JSON object from its standard output.
BOOST_AUTO_TEST_CASE(wizard_json_tells_a_spawning_host_what_happened) {
    const char* display = std::getenv("DISPLAY");
    BOOST_TEST_REQUIRE(display != nullptr, "run under scripts/test-session (Xvfb)");
    CliFixture fixture;
    fixture.use_session_bus();
    fixture.environment()["DISPLAY"] = display;
    fixture.environment()["KEYWIZARD_TEST_HOOKS"] = "quit-after-shown";
    // Closed without saving (the test-only hook closes it after its first paint).
    const ProcessResult closed = fixture.run({"wizard", "--app-id", "com.example.Spawner", "--json"});
    BOOST_TEST(closed.exit_code == 1, closed.err);
    const auto json = nlohmann::json::parse(closed.out);
    BOOST_TEST(json["result"].get<std::string>() == "cancelled");
    BOOST_TEST(json["saved"].get<bool>() == false);
    BOOST_TEST(json["key"].is_null());
    for (const char* field : {"backend", "location", "status", "reason"}) {
        BOOST_TEST(json.contains(field), field);
    }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
