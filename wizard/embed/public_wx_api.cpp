// include/keywizard/wx.h on top of the wizard (wizard/pages) and the widgets.
#include <wx/app.h>
#include <wx/event.h>
#include <wx/image.h>

#include "keywizard/wx.h"
#include "wizard/app/app_locale.h"
#include "wizard/embed/api_key_panel.h"
#include "wizard/pages/key_wizard.h"

namespace keywizard {
namespace {

// Before the first window: the wizard and the panel speak the person's language, from the catalog installed
// with this library (<prefix>/share/locale). A host's own wxTranslations get our catalog added; their
// language stays the host's choice.
void use_translations() {
    static const std::string locale_dir = ui::LocaleDirOfLibrary();
    ui::UseKeywizardTranslations(locale_dir);
}

}  // namespace

bool NeedsSetup(const Options& options) {
    return needs_setup(options);
}

const char* to_string(SetupOutcome outcome) {
    switch (outcome) {
        case SetupOutcome::saved:
            return "saved";
        case SetupOutcome::skipped:
            return "skipped";
        case SetupOutcome::cancelled:
            return "cancelled";
    }
    return "cancelled";
}

SetupResult RunSetupWizard(wxWindow* parent, const Options& options, bool first_run) {
    SetupResult result;
    if (auto problem = options_problem(options)) {
        result.stored.problem = *problem;
        return result;
    }
    use_translations();
    ui::KeyWizardOptions wizard_options;
    wizard_options.app = options;
    wizard_options.first_run = first_run;
    switch (ui::RunKeyWizard(parent, wizard_options, &result.stored)) {
        case ui::KeyWizardResult::saved:
            result.outcome = SetupOutcome::saved;
            break;
        case ui::KeyWizardResult::skipped:
            result.outcome = SetupOutcome::skipped;
            break;
        case ui::KeyWizardResult::cancelled:
            result.outcome = SetupOutcome::cancelled;
            break;
    }
    return result;
}

wxWindow* CreateApiKeyPanel(wxWindow* parent, const Options& options) {
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);  // the result panel's status icons
    }
    use_translations();
    return new ui::ApiKeyPanel(parent, options);
}

CheckHandle CheckKeyAsync(wxEvtHandler* owner, const Options& options, std::string key,
                          std::function<void(const CheckResult&)> done) {
    return check_key_async(options, std::move(key), [owner, done = std::move(done)](CheckResult result) {
        // Queued on the owner: wx drops it with the owner's other pending calls if the owner goes first.
        owner->CallAfter([done, result = std::move(result)] { done(result); });
    });
}

}  // namespace keywizard
