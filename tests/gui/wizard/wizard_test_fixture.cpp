#include "tests/gui/wizard/wizard_test_fixture.h"

#include <wx/collpane.h>

#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include "tests/support/test_pki.h"
#include "wizard/pages/paste_key_page.h"
#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/key_entry_field.h"

namespace keywizard::test {

Reply models_reply() {
    return Reply::json(
        200,
        R"({"object":"list","data":[)"
        R"({"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
        R"({"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},)"
        R"({"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"}]})",
        {{"x-request-id", "req_kwtest0001"},
         {"openai-organization", "user-kwtest"},
         {"openai-project", "proj_kwtest"}});
}

Reply invalid_key_reply() {
    return Reply::json(
        401,
        R"({"error":{"message":"Incorrect API key provided: sk-proj-********GHIJ. You can find your )"
        R"(API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error",)"
        R"("param":null,"code":"invalid_api_key"}})",
        {{"x-request-id", "req_kwtest0401"}});
}

Reply missing_scope_reply() {
    return Reply::json(
        403,
        R"({"error":{"message":"You have insufficient permissions for this operation. Missing )"
        R"(scopes: api.model.read. Check that you have the correct role in your organization.",)"
        R"("type":"invalid_request_error","param":null,"code":null}})",
        {{"x-request-id", "req_kwtest0403"}});
}

std::unique_ptr<LoopbackServer> start_api(Reply reply) {
    return std::make_unique<LoopbackServer>([reply](const RecordedRequest&, std::size_t) { return reply; });
}

WizardFixture::WizardFixture(bool first_run, bool start) {
    if (start) {
        create(first_run);
    }
}

WizardFixture::~WizardFixture() {
    destroy();
}

void WizardFixture::create(bool first_run) {
    destroy();
    ui::KeyWizardOptions options;
    options.app.config_dir = environment_.config_dir();
    options.first_run = first_run;
    options.own_app = true;  // keywizard's own wizard, unless a test makes it a host's
    if (customize) {
        customize(options);
    }
    wizard_.emplace(nullptr, options);
    wizard_->Start();
    pump_events();
}

void WizardFixture::destroy() {
    if (wizard_) {
        wizard_->Destroy();
        wizard_.reset();
        pump_events();  // the deferred delete happens in idle processing
    }
}

wxButton* WizardFixture::button(int id) const {
    auto* found = dynamic_cast<wxButton*>(wizard_->window().FindWindow(id));
    if (found != nullptr) {
        // Enabled or not through its wxEVT_UPDATE_UI, which idle time sends; a check right after an action
        // asks for it now.
        found->UpdateWindowUI();
    }
    return found;
}
wxButton* WizardFixture::next_button() const {
    return button(wxID_FORWARD);
}
wxButton* WizardFixture::back_button() const {
    return button(wxID_BACKWARD);
}
wxButton* WizardFixture::cancel_button() const {
    return button(wxID_CANCEL);
}

void WizardFixture::go_next() {
    click(next_button());
    pump_events();
}

void WizardFixture::go_back() {
    click(back_button());
    pump_events();
}

void WizardFixture::open_paste_page(LoopbackServer* server) {
    BOOST_REQUIRE(pump_until([&] { return wizard_->StartFacts().has_value(); }));
    choose(child<wxRadioButton>("start_have_key"));
    go_next();
    BOOST_REQUIRE(current() == ui::PageId::paste_key);
    if (server != nullptr) {
        // As a person does: open Advanced, point it at the stand-in, close it again.
        auto* advanced = child<wxCollapsiblePane>("advanced_pane");
        advanced->Expand();
        type_text(child<wxTextCtrl>("advanced_base_url"), wxString::FromUTF8(server->base_url()));
        type_text(child<wxTextCtrl>("advanced_ca_file"), wxString::FromUTF8(TestPki::instance().ca_file()));
        advanced->Collapse();
    }
}

void WizardFixture::type_key(const std::string& key) {
    type_text(child<wxTextCtrl>("key_text"), wxString::FromUTF8(key));
}

void WizardFixture::press_test_key() {
    click(child<wxButton>("test_key_button"));
}

void WizardFixture::start_key_test(LoopbackServer* server, const std::string& key) {
    open_paste_page(server);
    type_key(key);
    press_test_key();
}

bool WizardFixture::wait_for_result() {
    auto* panel = child<ui::KeyCheckPanel>("key_check");
    return panel != nullptr &&
           pump_until([&] { return panel->GetState() == ui::KeyCheckPanel::State::result; }, 20s);
}

}  // namespace keywizard::test
