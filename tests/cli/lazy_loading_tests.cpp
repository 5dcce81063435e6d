// The command line starts without the windows and without the keyring library: keywizard-gui.so is loaded
// only for `keywizard` and `keywizard wizard` (wizard/gui_module), libsecret only when the keyring is used
// (settings/libsecret_api.h). What a run loads is read from the dynamic loader's own report
// (LD_DEBUG=files); what happens when those parts are missing is tried with the parts really missing. The
// windows load no OpenGL driver (wizard/app/gdk_gl_probe.h).
#include <dlfcn.h>
#include <link.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string_view>

#include "tests/cli/cli_fixture.h"
#include "tests/support/scoped_environment.h"
#include "wizard/app/gdk_gl_probe.h"

using namespace keywizard::test;

namespace {

// Every shared object the loader opened, by the name it was asked for: "libcurl.so.4", ...
std::set<std::string> loaded_files(const std::string& loader_report) {
    std::set<std::string> files;
    std::istringstream lines(loader_report);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find("file=");
        if (at == std::string::npos) {
            continue;
        }
        const auto name_start = at + 5;
        const auto name_end = line.find_first_of(" \t[", name_start);
        files.insert(std::filesystem::path(line.substr(name_start, name_end - name_start)).filename());
    }
    return files;
}

bool loads_any_of(const std::set<std::string>& files, std::initializer_list<const char*> prefixes) {
    for (const auto& file : files) {
        for (const char* prefix : prefixes) {
            if (file.starts_with(prefix)) {
                return true;
            }
        }
    }
    return false;
}

const auto gui_libraries = {"libwx_", "libgtk-", "libgdk-", "keywizard-gui.so"};
const auto keyring_libraries = {"libsecret-", "libglib-", "libgio-", "libgobject-"};
// Mesa's GLX driver and the LLVM it compiles shaders with: what GTK's OpenGL probe loads on this machine.
const auto opengl_driver_libraries = {"libGLX_mesa", "libLLVM"};

bool library_installed(const char* name) {
    void* library = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
    if (library != nullptr) {
        dlclose(library);
    }
    return library != nullptr;
}

// Where this machine's copy of a library is: the file a missing-library test hides.
std::string library_path(const char* name) {
    void* library = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
    BOOST_REQUIRE_MESSAGE(library != nullptr, name << " is not installed here");
    link_map* map = nullptr;
    BOOST_REQUIRE(dlinfo(library, RTLD_DI_LINKMAP, &map) == 0);
    std::string path = std::filesystem::canonical(map->l_name);
    dlclose(library);
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lazy_loading_tests)

BOOST_AUTO_TEST_CASE(check_from_stdin_loads_neither_the_windows_nor_the_keyring_library) {
    CliFixture cli;
    cli.serve(Reply::json(200, models_body({"gpt-4o"})));
    cli.environment()["LD_DEBUG"] = "files";
    const ProcessResult result = cli.run_against_server({"check", "--stdin"}, valid_key);
    BOOST_TEST(result.exit_code == 0);
    const auto files = loaded_files(result.err);
    BOOST_TEST(files.count("libcurl.so.4") == 1u);  // the report is read right
    BOOST_TEST(!loads_any_of(files, gui_libraries));
    BOOST_TEST(!loads_any_of(files, keyring_libraries));
}

BOOST_AUTO_TEST_CASE(show_loads_the_keyring_library_on_demand_and_still_no_windows) {
    CliFixture cli;
    cli.use_session_bus();
    cli.environment()["LD_DEBUG"] = "files";
    const ProcessResult result = cli.run({"show", "--json"});
    BOOST_TEST_INFO("stdout: " << result.out);
    BOOST_TEST((result.exit_code == 0 || result.exit_code == 2));  // a key stored or none: both are fine
    const auto files = loaded_files(result.err);
    BOOST_TEST(files.count("libsecret-1.so.0") == 1u);
    BOOST_TEST(!loads_any_of(files, gui_libraries));
    BOOST_TEST(files.count("libcurl.so.4") == 0u);  // nothing is sent
}

BOOST_AUTO_TEST_CASE(without_libsecret_set_exits_5_offers_the_file_and_the_file_still_works) {
    // libsecret's file replaced by an empty one in a private mount namespace: the loader cannot use it.
    const std::string hidden = library_path("libsecret-1.so.0");
    CliFixture cli;
    cli.use_session_bus();
    cli.launch_through(
        {"/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$@\"", hidden});

    const ProcessResult refused = cli.run_against_server({"set"}, valid_key);
    BOOST_TEST_INFO("stderr: " << refused.err);
    BOOST_TEST(refused.exit_code == 5);
    BOOST_TEST(refused.err.find("libsecret") != std::string::npos);
    BOOST_TEST(refused.err.find("--store file") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 0u);
    BOOST_TEST(cli.files_containing(valid_key).empty());

    cli.serve(Reply::json(200, models_body({"gpt-4o"})));
    const ProcessResult saved = cli.run_against_server({"set", "--store", "file"}, valid_key);
    BOOST_TEST_INFO("stderr: " << saved.err);
    BOOST_TEST(saved.exit_code == 0);
    BOOST_TEST(cli.files_containing(valid_key).size() == 1u);
}

BOOST_AUTO_TEST_CASE(without_libcurl_a_check_says_so_and_the_stored_key_is_still_shown) {
    const std::string hidden = library_path("libcurl.so.4");
    CliFixture cli;
    const ProcessResult saved = cli.run_against_server({"set", "--store", "file", "--no-check"}, valid_key);
    BOOST_TEST_REQUIRE(saved.exit_code == 0, saved.err);
    cli.launch_through(
        {"/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$@\"", hidden});

    const ProcessResult check = cli.run_against_server({"check", "--stdin"}, valid_key);
    BOOST_TEST_INFO("stdout: " << check.out << "stderr: " << check.err);
    BOOST_TEST(check.exit_code == 4);  // unverified: nothing could be sent
    BOOST_TEST((check.out + check.err).find("install libcurl4") != std::string::npos);
    BOOST_TEST(cli.server().request_count() == 0u);

    const ProcessResult show = cli.run({"show"});
    BOOST_TEST_INFO("stdout: " << show.out << "stderr: " << show.err);
    BOOST_TEST(show.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(without_the_windows_module_the_app_says_so_and_the_command_line_works) {
    CliFixture cli;
    const auto folder = cli.config_dir().parent_path() / "lonely-bin";
    std::filesystem::create_directories(folder);
    const auto copy = folder / "keywizard";
    std::filesystem::copy_file(keywizard_binary(), copy);

    const ProcessResult wizard = run_keywizard({{"wizard"}, {}, cli.environment(), {}, copy});
    BOOST_TEST(wizard.exit_code == 69);  // the windows cannot be opened here (DESIGN.md)
    BOOST_TEST(wizard.err.find("cannot open the windows") != std::string::npos);
    BOOST_TEST(wizard.err.find("keywizard-gui.so") != std::string::npos);
    BOOST_TEST(wizard.err.find("keywizard check") != std::string::npos);

    const ProcessResult version = run_keywizard({{"--version"}, {}, cli.environment(), {}, copy});
    BOOST_TEST(version.exit_code == 0);
    BOOST_TEST(version.out.find("keywizard ") == 0u);
}

BOOST_AUTO_TEST_CASE(the_wizard_opens_without_loading_an_opengl_driver_unless_the_person_asks_for_gl) {
    const char* display = std::getenv("DISPLAY");
    BOOST_TEST_REQUIRE(display != nullptr, "run under scripts/test-session (Xvfb)");
    CliFixture cli;
    cli.use_session_bus();
    cli.environment()["DISPLAY"] = display;
    cli.environment()["KEYWIZARD_TEST_HOOKS"] = "quit-after-shown";  // closed after its first paint
    cli.environment()["LD_DEBUG"] = "files";
    const ProcessResult wizard = cli.run({"wizard"});
    BOOST_TEST(wizard.exit_code == 1);
    const auto files = loaded_files(wizard.err);
    BOOST_TEST(files.count("libgtk-3.so.0") == 1u);  // the windows were opened
    BOOST_TEST(!loads_any_of(files, opengl_driver_libraries));

    // A GDK_GL of the person's own (here: set, empty) is left alone, and GTK probes as it always does: the
    // driver is loaded, which also shows that the first run would have loaded it.
    if (library_installed("libGLX_mesa.so.0")) {
        cli.environment()["GDK_GL"] = "";
        const ProcessResult with_gl = cli.run({"wizard"});
        BOOST_TEST(with_gl.exit_code == 1);
        BOOST_TEST(loads_any_of(loaded_files(with_gl.err), opengl_driver_libraries));
    }
}

BOOST_AUTO_TEST_CASE(gdk_gl_is_set_only_while_gtk_opens_the_display) {
    ScopedEnvironment environment{{"GDK_GL", std::nullopt}};
    {
        const keywizard::ui::SkipGdkGlProbe without_gl;
        BOOST_TEST(std::string_view(std::getenv("GDK_GL")) == "disable");
    }
    // Gone again: a browser started from the wizard later does not inherit it.
    BOOST_TEST(std::getenv("GDK_GL") == nullptr);

    environment.set("GDK_GL", "always");
    {
        const keywizard::ui::SkipGdkGlProbe without_gl;
        BOOST_TEST(std::string_view(std::getenv("GDK_GL")) == "always");
    }
    BOOST_TEST(std::string_view(std::getenv("GDK_GL")) == "always");
}

BOOST_AUTO_TEST_SUITE_END()
