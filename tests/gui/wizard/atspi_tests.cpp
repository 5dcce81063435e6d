// What a screen reader is told, asked of a real AT-SPI client (tests/gui/wizard/atspi_dump.py, pyatspi) on
// the private session's accessibility bus while the wizard is on screen: the key field is a password text
// named by its label, each start choice by its own words, pictures and status icons have names, a result is
// announced and takes the focus, notices are no unnamed Tab stops.
#include <boost/test/unit_test.hpp>

#include <wx/process.h>
#include <wx/utils.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>

#include "settings/key_storage.h"
#include "tests/gui/wizard/wizard_test_fixture.h"

namespace keywizard::test {
namespace {

// Runs the client on this process and returns what it saw; pumps events meanwhile, since the client's
// questions are answered by GTK's accessibility bridge on this (the UI) thread.
nlohmann::json seen_by_screen_reader() {
    const auto file = std::filesystem::temp_directory_path() /
                      ("keywizard-atspi-" + std::to_string(wxGetProcessId()) + ".json");
    std::filesystem::remove(file);
    struct Ended {
        bool done = false;
        int status = -1;
    };
    auto ended = std::make_shared<Ended>();
    class Watch : public wxProcess {
      public:
        explicit Watch(std::shared_ptr<Ended> ended) : ended_(std::move(ended)) {}
        void OnTerminate(int, int status) override {
            ended_->done = true;
            ended_->status = status;
            delete this;  // wx leaves an async process object with its own OnTerminate to itself
        }

      private:
        std::shared_ptr<Ended> ended_;
    };
    const wxString command = wxString::Format("/usr/bin/python3 %s %lu %s", KEYWIZARD_ATSPI_DUMP,
                                              wxGetProcessId(), wxString(file.string()));
    BOOST_REQUIRE(wxExecute(command, wxEXEC_ASYNC, new Watch(ended)) > 0);
    BOOST_REQUIRE_MESSAGE(pump_until([&] { return ended->done; }, 60s), "the AT-SPI client did not finish");
    BOOST_REQUIRE_MESSAGE(ended->status == 0, "the AT-SPI client failed: " << ended->status);
    std::ifstream in(file);
    nlohmann::json seen = nlohmann::json::parse(in);
    std::filesystem::remove(file);
    return seen;
}

std::vector<nlohmann::json> with_role(const nlohmann::json& seen, const std::string& role) {
    std::vector<nlohmann::json> found;
    for (const auto& node : seen) {
        if (node["role"] == role) {
            found.push_back(node);
        }
    }
    return found;
}

const nlohmann::json* named(const nlohmann::json& seen, const std::string& role, const std::string& name) {
    for (const auto& node : seen) {
        if (node["role"] == role && node["name"] == name) {
            return &node;
        }
    }
    return nullptr;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(atspi_tests)

BOOST_AUTO_TEST_CASE(each_start_choice_is_named_by_its_own_words) {
    WizardFixture f;
    BOOST_REQUIRE(pump_until([&] { return f.wizard().StartFacts().has_value(); }));
    const auto seen = seen_by_screen_reader();
    for (const char* choice :
         {"I need an OpenAI account", "I have an account, but no API key yet", "I already have an API key"}) {
        BOOST_TEST(named(seen, "radio button", choice) != nullptr, choice);
    }
    BOOST_TEST(with_role(seen, "radio button").size() == 3u);
}

BOOST_AUTO_TEST_CASE(pictures_icons_and_notices_have_names_and_notices_take_no_focus) {
    WizardFixture f;
    f.wizard().ShowPage(f.wizard().PageFor(ui::PageId::create_key), true);
    pump_events();
    const auto seen = seen_by_screen_reader();
    int notices = 0;
    for (const auto& node : seen) {
        const auto name = node["name"].get<std::string>();
        if (node["role"] == "image" || node["role"] == "icon") {
            BOOST_TEST(!name.empty(), "an unnamed picture");
        }
        if (starts_with(name, "Information: ") || starts_with(name, "Warning: ") ||
            starts_with(name, "Problem: ")) {
            ++notices;
            BOOST_TEST(!node["focusable"].get<bool>(), name);
        }
    }
    BOOST_TEST(notices > 0);
    // The illustration says what it shows: its caption.
    const auto pictures = with_role(seen, "image");
    bool captioned = false;
    for (const auto& picture : pictures) {
        const auto name = picture["name"].get<std::string>();
        captioned = captioned || (name != "Information" && name != "Warning" && name.size() > 20);
    }
    BOOST_TEST(captioned);
}

BOOST_AUTO_TEST_CASE(the_key_field_is_a_password_text_named_by_its_label_and_a_result_is_announced) {
    auto server = start_api(models_reply());
    WizardFixture f;
    settings::KeyStorage(f.config_dir()).forget_key();
    f.open_paste_page(server.get());
    const auto before = seen_by_screen_reader();
    const auto fields = with_role(before, "password text");
    BOOST_TEST_REQUIRE(fields.size() == 1u);
    BOOST_TEST(fields.front()["name"] == "Your OpenAI API key:");
    for (const auto& icon : with_role(before, "image")) {
        BOOST_TEST(!icon["name"].get<std::string>().empty(), "an unnamed status icon");
    }

    f.type_key(valid_key);
    f.press_test_key();
    BOOST_TEST_REQUIRE(f.wait_for_result());
    const auto after = seen_by_screen_reader();
    const auto* result = named(after, "notification", "This key works.");
    BOOST_TEST_REQUIRE(result != nullptr);
    BOOST_TEST((*result)["focused"].get<bool>());
    BOOST_TEST(!(*result)["description"].get<std::string>().empty());
    BOOST_TEST(named(after, "image", "Works") != nullptr);  // the result's icon
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace keywizard::test
