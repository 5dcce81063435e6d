#pragma once

#include <wx/timer.h>
#include <wx/wizard.h>

#include <map>
#include <optional>
#include <string>

#include "wizard/pages/host_content.h"
#include "wizard/pages/key_wizard.h"
#include "wizard/pages/wizard_route.h"
#include "wizard/pages/wizard_storage.h"
#include "wizard/widgets/background_task.h"

namespace keywizard::ui {

class WizardPageBase;

// The onboarding wizard, private to wizard/pages: only its .cpp files include this header. The app and
// hosts call RunKeyWizard(); tests and the screenshot tool drive it modelessly (Start()) through the
// test-only WizardDriver (wizard_test_driver.h). It builds and chains the pages; each page owns its own
// state and validation.
class KeyWizardDialog : public wxWizard {
  public:
    KeyWizardDialog(wxWindow* parent, const KeyWizardOptions& options);
    ~KeyWizardDialog() override;

    wxWizardPage* FirstPage() const;
    // The page, built the first time it is asked for: a page is only built when it is reached.
    WizardPageBase* PageFor(PageId page) const;
    std::optional<PageId> CurrentPageId() const;

    WizardRoute& Route() { return route_; }
    const WizardRoute& Route() const { return route_; }
    const KeyWizardOptions& Options() const { return options_; }
    // The host's own words and pictures (Options::content_file), or null for keywizard's.
    const content::WizardContent* HostContent() const {
        return host_content_ && host_content_->problem.empty() ? &host_content_->content : nullptr;
    }
    // Whether `page` shows its content as written: in keywizard's own app (its words name its own menus), or
    // when the host's content file has the page. Otherwise the page speaks of the host (app_name).
    bool ShowsContentAsWritten(PageId page) const {
        return options_.own_app || (HostContent() != nullptr &&
                                    HostContent()->page(std::string(page_content_id(page))) != nullptr);
    }

    // OPENAI_API_KEY as it was when the wizard opened (nullopt when unset or blank).
    const std::optional<std::string>& EnvironmentKey() const { return environment_key_; }

    // Settings and keyring availability, probed on a worker right after the wizard is first painted;
    // nullopt until known.
    const std::optional<WizardStartFacts>& StartFacts() const { return start_facts_; }
    // A save found the keyring unusable after all: the paste page then offers the file.
    void NoteKeyringProblem(const std::string& problem);

    // What the paste page stored (or nullopt when nothing is stored, e.g. "don't save"), and the key it
    // stored (for the done page's clipboard check).
    const std::optional<SaveKeyResult>& SavedKey() const { return saved_; }
    const std::string& SavedKeyText() const { return saved_key_text_; }
    void SetSavedKey(std::optional<SaveKeyResult> saved, std::string key_text = {});

    KeyWizardResult Result() const;

    // Modeless start (WizardDriver, for tests and screenshots): shows the first page and the window.
    void Start();
    // First run, "Skip for now": records it and closes the wizard (modal or not) with result skipped.
    void SkipForNow();

    // Next or Finish: asked of the route, so the next page is not built just to know whether it exists.
    bool HasNextPage(wxWizardPage* page) override;
    bool HasPrevPage(wxWizardPage* page) override;

  private:
    WizardPageBase* BuildPage(PageId page);
    void ProbeStartFactsAfterFirstPaint();
    void ProbeStartFacts();
    void OnCharHook(wxKeyEvent& event);
    void NotifyStartFactsKnown();
    void OnPageChanged(wxWizardEvent& event);
    // wxEVT_UPDATE_UI of Back, Next and Cancel: the current page says what may be pressed now.
    void OnUpdateButton(wxUpdateUIEvent& event);
    void CloseWith(int return_code);

    KeyWizardOptions options_;
    std::optional<ui::HostContent> host_content_;  // loaded before the pages are built
    WizardRoute route_;
    std::map<PageId, WizardPageBase*> pages_;  // the pages built so far
    std::optional<std::string> environment_key_;
    std::optional<WizardStartFacts> start_facts_;
    std::optional<SaveKeyResult> saved_;
    std::string saved_key_text_;
    bool skipped_ = false;
    BackgroundTask probe_task_;
    bool probe_started_ = false;
    wxTimer probe_fallback_;  // starts the probe if no paint comes (a window kept off screen)
    BackgroundTask skip_task_;
};

}  // namespace keywizard::ui
