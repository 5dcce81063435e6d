// wizard_screenshots OUTPUT_DIR: renders every page of the wizard (and the paste page's result states) to
// OUTPUT_DIR/wizard_<page>.png. Run by scripts/screenshots under Xvfb (scripts/test-session), against a
// loopback stand-in of the API and a throwaway config directory: nothing of the real account is touched.
#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/wizard.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/gui/screenshot_support.h"
#include "tests/support/test_pki.h"
#include "wizard/app/app_locale.h"
#include "wizard/pages/paste_key_page.h"
#include "wizard/pages/wizard_test_driver.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/key_entry_field.h"

namespace {

using namespace std::chrono_literals;
using namespace keywizard::test;
using keywizard::ui::PageId;

// Shaped like a project key, not like a real one.
const std::string good_key = "sk-proj-kwtest0123kwtest4567kwtest89ABkwtestCDEFkwtestGHIJ";
const std::string rejected_key = "sk-proj-kwtestZYXWkwtest9876kwtest5432kwtestVUTSkwtestRQPO";

// Layout, paint and the activity indicators settle.
constexpr auto settle_time = 300ms;

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

int shoot(const std::filesystem::path& out) {
    std::filesystem::create_directories(out);
    LoopbackServer server([](const RecordedRequest& request, std::size_t) {
        const auto authorization = request.header("authorization").value_or("");
        if (authorization.find(rejected_key) != std::string::npos) {
            return Reply::json(
                401,
                R"({"error":{"message":"Incorrect API key provided: sk-proj-********RQPO. You can find your API )"
                R"(key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error",)"
                R"("param":null,"code":"invalid_api_key"}})",
                {{"x-request-id", "req_7f3c0a91d2e84b6c9a1e5d4b3c2a1f00"}});
        }
        return screenshot_models_reply();
    });

    keywizard::ui::KeyWizardOptions options;
    options.app.config_dir = keywizard::settings::default_config_directory();
    options.first_run = true;
    keywizard::ui::WizardDriver driver(nullptr, options);
    driver.Start();
    wxWizard* wizard = &driver.window();
    wizard->Move(0, 0);
    if (!pump_until([&] { return driver.StartFacts().has_value(); }, 10s)) {
        std::fprintf(stderr, "wizard_screenshots: the wizard did not learn its settings\n");
        return 1;
    }
    int failures = 0;
    auto shot = [&](const std::string& name) {
        failures += save_window(wizard, out / ("wizard_" + name + ".png"), settle_time) ? 0 : 1;
    };

    named<wxRadioButton>(wizard, "start_need_account")->SetValue(true);
    driver.ChooseRoute(keywizard::ui::StartChoice::need_account);
    shot("start");
    for (PageId id : {PageId::create_account, PageId::open_api_keys, PageId::create_key, PageId::paste_key}) {
        wizard->ShowPage(driver.PageFor(id), true);
        shot(std::string(keywizard::ui::page_content_id(id)));
    }

    auto* paste = dynamic_cast<keywizard::ui::PasteKeyPage*>(driver.PageFor(PageId::paste_key));
    auto* advanced = named<wxCollapsiblePane>(paste, "advanced_pane");
    set_expanded(advanced, true);
    shot("paste_key_advanced");
    set_expanded(advanced, false);
    named<wxTextCtrl>(paste, "advanced_base_url")->SetValue(wxString::FromUTF8(server.base_url()));
    named<wxTextCtrl>(paste, "advanced_ca_file")->SetValue(wxString::FromUTF8(TestPki::instance().ca_file()));
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
    // Another provider's key where the OpenAI key goes: named, never sent (docs/providers.md).
    if (test_with("sk-ant-api03-kwtestScreenshotANTHROPIC0123456789")) {
        shot("paste_key_wrong_provider");
    } else {
        ++failures;
    }
    if (test_with(good_key)) {
        shot("paste_key_valid");
    } else {
        ++failures;
    }
    click(wizard->FindWindow(wxID_FORWARD));
    if (pump_until([&] { return driver.CurrentPageId() == PageId::done; }, 20s)) {
        shot("done");
    } else {
        std::fprintf(stderr, "wizard_screenshots: saving the key did not reach the done page\n");
        ++failures;
    }
    driver.Destroy();
    settle(settle_time);
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    // In the language LANGUAGE names (scripts/screenshots l10n), from the build tree's catalogs.
    auto use_translations = [] {
        keywizard::ui::UseUserLocaleWithUtf8();
        keywizard::ui::UseKeywizardTranslations(KEYWIZARD_BUILD_LOCALE_DIR);
    };
    return keywizard::test::run_screenshot_tool(
        argc, argv, {.name = "wizard_screenshots", .on_init = use_translations, .shoot = shoot});
}
