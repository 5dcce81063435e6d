#include "wizard/pages/key_wizard.h"

#include "wizard/pages/key_wizard_dialog.h"

namespace keywizard::ui {

KeyWizardResult RunKeyWizard(wxWindow* parent, const KeyWizardOptions& options) {
    // On the stack: a modal dialog; its destructor cancels and joins any check or save still running.
    KeyWizardDialog wizard(parent, options);
    wizard.RunWizard(wizard.FirstPage());
    return wizard.Result();
}

}  // namespace keywizard::ui
