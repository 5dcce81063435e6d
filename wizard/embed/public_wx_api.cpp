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

// Before every window: the wizard and the panel speak the person's language, from the catalog installed
// with this library (<prefix>/share/locale), in UTF-8 characters even when the host set no locale (wx.h
// says so). A host's own wxTranslations get our catalog added; their language stays the host's choice.
void use_translations() {
    ui::UseUtf8CharacterType();
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

namespace {

// A worker's `done` that hands the result to the UI thread: queued on the owner, so wx drops it with the
// owner's other pending calls if the owner goes first. (The handle, a member of the owner, makes sure the
// worker never queues on an owner already destroyed.)
template <typename Result, typename Done>
std::function<void(Result)> on_ui_thread(wxEvtHandler* owner, Done done) {
    return [owner, done = std::move(done)](Result result) {
        owner->CallAfter([done, result = std::move(result)] { done(result); });
    };
}

}  // namespace

CheckHandle CheckKeyAsync(wxEvtHandler* owner, const Options& options, std::string key,
                          std::function<void(const CheckResult&)> done) {
    return check_key_async(options, std::move(key), on_ui_thread<CheckResult>(owner, std::move(done)));
}

CheckHandle CheckStoredKeyAsync(wxEvtHandler* owner, const Options& options, const CheckOptions& how,
                                std::function<void(const CheckResult&)> done) {
    return check_stored_key_async(options, how, on_ui_thread<CheckResult>(owner, std::move(done)));
}

CallHandle LoadKeyAsync(wxEvtHandler* owner, const Options& options,
                        std::function<void(const LoadResult&)> done) {
    return load_key_async(options, on_ui_thread<LoadResult>(owner, std::move(done)));
}

CallHandle StoredKeyAsync(wxEvtHandler* owner, const Options& options,
                          std::function<void(const StoredKeyInfo&)> done) {
    return stored_key_async(options, on_ui_thread<StoredKeyInfo>(owner, std::move(done)));
}

CallHandle SaveKeyAsync(wxEvtHandler* owner, const Options& options, std::string key, Storage storage,
                        std::optional<CheckResult> checked, std::function<void(const SaveResult&)> done) {
    return save_key_async(options, std::move(key), storage, std::move(checked),
                          on_ui_thread<SaveResult>(owner, std::move(done)));
}

CallHandle ForgetKeyAsync(wxEvtHandler* owner, const Options& options,
                          std::function<void(const ForgetResult&)> done) {
    return forget_key_async(options, on_ui_thread<ForgetResult>(owner, std::move(done)));
}

CallHandle NeedsSetupAsync(wxEvtHandler* owner, const Options& options, std::function<void(bool)> done) {
    return needs_setup_async(options, on_ui_thread<bool>(owner, std::move(done)));
}

}  // namespace keywizard
