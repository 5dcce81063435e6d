#include "wizard/pages/wizard_test_driver.h"

#include "wizard/pages/key_wizard_dialog.h"

namespace keywizard::ui {

WizardDriver::WizardDriver(wxWindow* parent, const KeyWizardOptions& options)
    : dialog_(new KeyWizardDialog(parent, options)) {}

void WizardDriver::Start() {
    dialog_->Start();
}

wxWizard& WizardDriver::window() const {
    return *dialog_;
}

void WizardDriver::Destroy() {
    dialog_->Destroy();
}

std::optional<PageId> WizardDriver::CurrentPageId() const {
    return dialog_->CurrentPageId();
}

WizardPageBase* WizardDriver::PageFor(PageId page) const {
    return dialog_->PageFor(page);
}

const std::optional<WizardStartFacts>& WizardDriver::StartFacts() const {
    return dialog_->StartFacts();
}

KeyWizardResult WizardDriver::Result() const {
    return dialog_->Result();
}

const content::WizardContent* WizardDriver::HostContent() const {
    return dialog_->HostContent();
}

void WizardDriver::ChooseRoute(StartChoice choice) {
    dialog_->Route().choose(choice);
}

std::optional<PageId> CurrentWizardPage(const wxWindow* window) {
    if (const auto* wizard = dynamic_cast<const KeyWizardDialog*>(window)) {
        return wizard->CurrentPageId();
    }
    return std::nullopt;
}

}  // namespace keywizard::ui
