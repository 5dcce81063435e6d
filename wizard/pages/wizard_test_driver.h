#pragma once

// Test-only: how the GUI tests, the pseudo-locale test and the screenshot tool reach the wizard without
// the dialog class. It lives in its own library (keywizard_wizard_test_driver), which the app and the
// libraries hosts link never use; the product opens the wizard through RunKeyWizard() only.

#include <optional>

#include "images/wizard_content.h"
#include "wizard/pages/key_wizard.h"
#include "wizard/pages/wizard_route.h"
#include "wizard/pages/wizard_storage.h"

class wxWizard;

namespace keywizard::ui {

class KeyWizardDialog;
class WizardPageBase;

// A handle on one modeless wizard (not an owner: the window goes with Destroy(), as any wx window does).
class WizardDriver {
  public:
    // Creates the wizard over `parent` (may be null), not shown yet.
    WizardDriver(wxWindow* parent, const KeyWizardOptions& options);

    // Shows the first page and the window, modelessly.
    void Start();
    wxWizard& window() const;
    void Destroy();

    std::optional<PageId> CurrentPageId() const;
    // The page, built the first time it is asked for (as reaching it does).
    WizardPageBase* PageFor(PageId page) const;
    // Settings and keyring availability; nullopt until the wizard's probe is done.
    const std::optional<WizardStartFacts>& StartFacts() const;
    KeyWizardResult Result() const;
    // The host's words and pictures, or null for keywizard's own.
    const content::WizardContent* HostContent() const;
    // The route as the start page's choice would set it, without pressing anything.
    void ChooseRoute(StartChoice choice);

  private:
    KeyWizardDialog* dialog_;
};

// The page a window shows when it is the key wizard (e.g. the modal one RunKeyWizard() opened, found among
// the top-level windows); nullopt for any other window.
std::optional<PageId> CurrentWizardPage(const wxWindow* window);

}  // namespace keywizard::ui
