#pragma once

#include <vector>

#include "wizard/pages/wizard_page_base.h"

class wxRadioButton;
class wxStaticText;

namespace keywizard::ui {

// "Where are you?": need an account / have an account (skip to keys) / have a key (skip to paste), and,
// when OPENAI_API_KEY is set, "test and use that key". On first run also "Skip for now".
// Child window names: start_need_account, start_have_account, start_have_key, start_env_key, start_skip.
class StartPage : public WizardPageBase {
  public:
    explicit StartPage(KeyWizardDialog& wizard);

    StartChoice GetChoice() const;
    void SetChoice(StartChoice choice);
    // The stored key is known: says when the environment's key overrides it (start_environment_notice).
    void OnStartFactsKnown() override;

  private:
    void AddChoice(StartChoice choice, const wxString& label, const wxString& hint, const wxString& name,
                   bool first);

    std::vector<std::pair<StartChoice, wxRadioButton*>> choices_;
    wxStaticText* environment_notice_ = nullptr;
};

}  // namespace keywizard::ui
