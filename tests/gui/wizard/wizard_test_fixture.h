#pragma once

// What the wizard GUI tests share: a wizard on a fresh config directory, its buttons, and a loopback TLS
// stand-in of the API with a few canned replies.

#include <wx/app.h>
#include <wx/button.h>
#include <wx/wizard.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "tests/gui/gui_test_support.h"
#include "tests/support/loopback_server.h"
#include "tests/support/test_keys.h"
#include "wizard/pages/wizard_page_base.h"
#include "wizard/pages/wizard_test_driver.h"

// So Boost.Test can print page ids in failed checks.
namespace keywizard::ui {
inline std::ostream& operator<<(std::ostream& out, PageId page) {
    return out << page_content_id(page);
}
inline std::ostream& operator<<(std::ostream& out, const std::optional<PageId>& page) {
    return page ? out << *page : out << "(no page)";
}
}  // namespace keywizard::ui

namespace keywizard::test {

Reply models_reply();         // 200 with three models, request id, organization and project headers
Reply invalid_key_reply();    // 401 invalid_api_key
Reply missing_scope_reply();  // 403 "Missing scopes: api.model.read"

// A server answering every request the same way.
std::unique_ptr<LoopbackServer> start_api(Reply reply);

// One wizard, shown modelessly on a fresh XDG_CONFIG_HOME, with OPENAI_* variables cleared so the
// session's environment cannot leak in. Destroyed (and its workers joined) with the fixture.
class WizardFixture {
  public:
    explicit WizardFixture(bool first_run = false, bool start = true);
    ~WizardFixture();

    wxWizard& wizard() { return wizard_->window(); }
    // What the wizard knows, as WizardDriver tells it.
    ui::WizardPageBase* page(ui::PageId id) const { return wizard_->PageFor(id); }
    const std::optional<ui::WizardStartFacts>& start_facts() const { return wizard_->StartFacts(); }
    ui::KeyWizardResult result() const { return wizard_->Result(); }
    void create(bool first_run);
    // Applied to the options of every wizard create() makes from now on (a host's app_name...).
    std::function<void(ui::KeyWizardOptions&)> customize;
    void destroy();  // what closing does: Destroy(), then the deferred delete

    wxButton* next_button() const;
    wxButton* back_button() const;
    wxButton* cancel_button() const;
    std::optional<ui::PageId> current() const { return wizard_ ? wizard_->CurrentPageId() : std::nullopt; }
    void go_next();  // clicks Next and waits for the page to settle
    void go_back();

    // The paste page, reached via "I already have an API key", once the settings are known; the Advanced
    // fields pointed at `server` with the test CA.
    void open_paste_page(LoopbackServer* server);
    void type_key(const std::string& key);
    void press_test_key();
    // open_paste_page, type_key and press_test_key: how most paste page tests begin.
    void start_key_test(LoopbackServer* server, const std::string& key);
    bool wait_for_result();  // the check panel reached its Result state
    std::filesystem::path config_dir() const { return environment_.config_dir(); }

    // Named children of the wizard.
    template <class T>
    T* child(const wxString& name) const {
        return find_by_name<T>(wizard_ ? &wizard_->window() : nullptr, name);
    }

  private:
    wxButton* button(int id) const;

    IsolatedUserEnvironment environment_;
    std::optional<ui::WizardDriver> wizard_;
};

}  // namespace keywizard::test
