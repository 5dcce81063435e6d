// wizard_screenshots OUTPUT_DIR: renders every page of the wizard (and the paste page's result states) to
// OUTPUT_DIR/wizard_<page>.png. Run by scripts/screenshots under Xvfb (scripts/test-session), against a
// loopback stand-in of the API and a throwaway config directory: nothing of the real account is touched.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/image.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "net/http_client.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_pki.h"
#include "wizard/pages/key_wizard_dialog.h"
#include "wizard/pages/paste_key_page.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/key_entry_field.h"

namespace {

using namespace std::chrono_literals;
using keywizard::ui::PageId;

// Shaped like a project key, not like a real one.
const std::string good_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEFkwtestGHIJ";
const std::string rejected_key = "sk-proj-kwtestZYXWkwtest9876kwtest5432kwtestVUTSkwtestRQPO";

bool pump_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxTheApp->ProcessIdle();
        if (condition()) {
            return true;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(10ms);
    }
}

void settle() {
    pump_until([] { return false; }, 300ms);  // layout, paint and the activity indicators settle
}

template <class T>
T* named(wxWindow* root, const wxString& name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, root));
}

// As a click on the pane's header does: expand or collapse, then tell the page so it lays out again.
void set_expanded(wxCollapsiblePane* pane, bool expanded) {
    pane->Collapse(!expanded);
    wxCollapsiblePaneEvent event(pane, pane->GetId(), !expanded);
    pane->ProcessWindowEvent(event);
}

void click(wxWindow* button) {
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

// Grabs the window's pixels from the X server with ImageMagick's import (Xvfb has no compositor, so what
// is on the screen is exactly what the window drew). wxScreenDC cannot be used: on GTK 3 it keeps
// returning the first frame it read.
bool save_window(wxWindow* window, const std::filesystem::path& file) {
    window->Raise();
    window->Refresh();
    window->Update();
    settle();
    // Logical pixels to the X server's physical ones (GDK_SCALE=2 renders everything twice as large).
    const double scale = window->GetContentScaleFactor();
    const wxRect logical = window->GetScreenRect();
    const wxRect rect(wxPoint(int(logical.x * scale), int(logical.y * scale)),
                      wxSize(int(logical.width * scale), int(logical.height * scale)));
    const std::string command = "import -window root -crop " + std::to_string(rect.width) + "x" +
                                std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                                std::to_string(rect.y) + " +repage '" + file.string() + "'";
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "wizard_screenshots: could not save %s\n", file.c_str());
        return false;
    }
    std::printf("%s\n", file.c_str());
    return true;
}

int shoot(const std::filesystem::path& out) {
    std::filesystem::create_directories(out);
    keywizard::test::LoopbackServer server([](const keywizard::test::RecordedRequest& request, std::size_t) {
        const auto authorization = request.header("authorization").value_or("");
        if (authorization.find(rejected_key) != std::string::npos) {
            return keywizard::test::Reply::json(
                401,
                R"({"error":{"message":"Incorrect API key provided: sk-proj-********RQPO. You can find your API )"
                R"(key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error",)"
                R"("param":null,"code":"invalid_api_key"}})",
                {{"x-request-id", "req_7f3c0a91d2e84b6c9a1e5d4b3c2a1f00"}});
        }
        return keywizard::test::Reply::json(
            200,
            R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
            R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]})",
            {{"x-request-id", "req_2b9e61c4a7d84f0e8c3b5a6d7e8f9a10"},
             {"openai-organization", "user-kwtest"},
             {"openai-project", "proj_kwtest"}});
    });

    keywizard::ui::KeyWizardOptions options;
    options.config_dir = keywizard::settings::default_config_directory();
    options.first_run = true;
    auto* wizard = new keywizard::ui::KeyWizardDialog(nullptr, options);
    wizard->Start();
    wizard->Move(0, 0);
    if (!pump_until([&] { return wizard->StartFacts().has_value(); }, 10s)) {
        std::fprintf(stderr, "wizard_screenshots: the wizard did not learn its settings\n");
        return 1;
    }
    int failures = 0;
    auto shot = [&](const std::string& name) {
        failures += save_window(wizard, out / ("wizard_" + name + ".png")) ? 0 : 1;
    };

    named<wxRadioButton>(wizard, "start_need_account")->SetValue(true);
    wizard->Route().choose(keywizard::ui::StartChoice::need_account);
    shot("start");
    for (PageId id : {PageId::create_account, PageId::open_api_keys, PageId::create_key, PageId::paste_key}) {
        wizard->ShowPage(wizard->PageFor(id), true);
        shot(std::string(keywizard::ui::page_content_id(id)));
    }

    auto* paste = wizard->PageAs<keywizard::ui::PasteKeyPage>(PageId::paste_key);
    auto* advanced = named<wxCollapsiblePane>(paste, "advanced_pane");
    set_expanded(advanced, true);
    shot("paste_key_advanced");
    set_expanded(advanced, false);
    named<wxTextCtrl>(paste, "advanced_base_url")->SetValue(wxString::FromUTF8(server.base_url()));
    named<wxTextCtrl>(paste, "advanced_ca_file")
        ->SetValue(wxString::FromUTF8(keywizard::test::TestPki::instance().ca_file()));
    auto test_with = [&](const std::string& key) {
        paste->GetKeyField()->SetKeyText(key);
        paste->GetCheckPanel()->StartTest();
        return pump_until(
            [&] { return paste->GetCheckPanel()->GetState() == keywizard::ui::KeyCheckPanel::State::result; },
            20s);
    };
    if (test_with(rejected_key)) {
        auto* details = named<wxCollapsiblePane>(paste, "result_details");
        set_expanded(details, true);
        shot("paste_key_rejected");
        set_expanded(details, false);
    } else {
        ++failures;
    }
    if (test_with(good_key)) {
        shot("paste_key_valid");
    } else {
        ++failures;
    }
    click(wizard->FindWindow(wxID_FORWARD));
    if (pump_until([&] { return wizard->CurrentPageId() == PageId::done; }, 20s)) {
        shot("done");
    } else {
        std::fprintf(stderr, "wizard_screenshots: saving the key did not reach the done page\n");
        ++failures;
    }
    wizard->Destroy();
    settle();
    return failures == 0 ? 0 : 1;
}

class ScreenshotApp : public wxApp {
  public:
    bool OnInit() override {
        if (argc != 2) {
            std::fprintf(stderr, "usage: wizard_screenshots OUTPUT_DIR\n");
            return false;
        }
        wxInitAllImageHandlers();
        const std::filesystem::path out = argv[1].utf8_string();
        CallAfter([this, out] {
            exit_code_ = shoot(out);
            ExitMainLoop();
        });
        return true;
    }
    int OnExit() override { return exit_code_; }
    int OnRun() override {
        wxApp::OnRun();
        return exit_code_;
    }

  private:
    int exit_code_ = 1;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(ScreenshotApp);

int main(int argc, char** argv) {
    keywizard::net::init_http_globally();
    // A throwaway config directory and no key from the caller's environment in the pictures.
    char scratch[] = "/tmp/keywizard-screenshots.XXXXXX";
    if (::mkdtemp(scratch) == nullptr) {
        return 1;
    }
    ::setenv("XDG_CONFIG_HOME", scratch, 1);
    for (const char* name :
         {"OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "SSL_CERT_FILE"}) {
        ::unsetenv(name);
    }
    const int result = wxEntry(argc, argv);
    std::filesystem::remove_all(scratch);
    return result;
}
