#pragma once
// keywizard's windows for a wxWidgets host (3.2, GTK): the setup wizard for the first run and the Help menu,
// a panel for the host's own settings dialog, and a key check whose answer arrives on the UI thread.
//
// Link keywizard::wx (CMake) or keywizard-wx (pkg-config); it brings keywizard::core. Call these from the
// UI thread of a running wxApp. See docs/embedding.md and examples/host_app/.
//
// The windows speak the person's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; English where there is no
// translation), from the catalog installed with the library (<prefix>/share/locale, domain "keywizard").
// A host with wxTranslations of its own keeps them and its language: the catalog is added to them.
// options.app_name appears inside translated sentences. docs/translations.md.
// Characters: when the process's LC_CTYPE is not UTF-8 (the host set no locale, or LANG is unset), the
// windows' first call sets LC_CTYPE to C.UTF-8, or wx would show their "…" labels empty; a UTF-8 locale and
// the other categories are left as they are. Labels a host made before that need its own locale: call
// wxUILocale::UseDefault() first in OnInit (docs/embedding.md).
//
//     keywizard::Options options;
//     options.app_id = "com.example.Writer";
//     options.app_name = "Writer";
//     if (keywizard::NeedsSetup(options)) {
//         keywizard::SetupResult setup = keywizard::RunSetupWizard(frame, options, /*first_run=*/true);
//     }

#include <functional>
#include <optional>
#include <string>

#include "keywizard/core.h"

class wxWindow;
class wxEvtHandler;

namespace keywizard {

// needs_setup() (core.h): no key stored, and the person has neither finished nor skipped setup before.
// Reads the keyring: it blocks up to about 5 s when the keyring does not answer. Call it before the main
// loop runs (no window is waiting then), or use NeedsSetupAsync.
KEYWIZARD_API bool NeedsSetup(const Options& options);

enum class SetupOutcome {
    saved,      // a key that was tested is stored
    skipped,    // first run: "Skip for now" (remembered: NeedsSetup() is false from now on)
    cancelled,  // closed without saving
};
KEYWIZARD_API const char* to_string(SetupOutcome outcome);  // "saved", "skipped", "cancelled"

struct SetupResult {
    SetupOutcome outcome = SetupOutcome::cancelled;
    // What the wizard saved (masked key, where, the check it passed); `stored` is false when it saved
    // nothing. Taken from the wizard, not read back from the keyring, so nothing blocks the UI thread:
    // call stored_key() on a worker for the whole picture.
    StoredKeyInfo stored;
};

// Runs the setup wizard modally over `parent` (may be null): account, key creation with pictures, paste,
// Test key, save. The key is saved only after the API accepted it. `first_run` adds "Skip for now".
KEYWIZARD_API SetupResult RunSetupWizard(wxWindow* parent, const Options& options, bool first_run = false);

// A panel for the host's own settings dialog ("API Keys and Secrets"): the stored key (masked), a field to
// replace it, Test key, Save (only a key that tested valid, or a limited one after an explicit choice) and
// Forget. Owned by `parent` like any wx child window. It saves by itself; nothing is written on close.
KEYWIZARD_API wxWindow* CreateApiKeyPanel(wxWindow* parent, const Options& options);

// check_key_async() with the answer on the UI thread: `done` runs through owner->CallAfter, so it never runs
// after `owner` is destroyed. Keep the handle as a member of `owner`: destroying it cancels the check and
// waits for the worker (at most about 100 ms).
KEYWIZARD_API CheckHandle CheckKeyAsync(wxEvtHandler* owner, const Options& options, std::string key,
                                        std::function<void(const CheckResult&)> done);

// Added in 0.4: check_stored_key_async() with the answer on the UI thread, as CheckKeyAsync: a host's "Test
// key" for the key it stored, which it never holds.
KEYWIZARD_API CheckHandle CheckStoredKeyAsync(wxEvtHandler* owner, const Options& options,
                                              const CheckOptions& how,
                                              std::function<void(const CheckResult&)> done);

// Added in 0.3: the keyring and file calls of core.h with the answer on the UI thread, the same way. Nothing
// here blocks the UI thread, whatever the keyring does. Keep the handle as a member of `owner`: when `owner`
// is destroyed, `done` is not called (the call itself finishes on its worker; a save is never cut half way).
//
//     // in the frame's constructor; load_ is a keywizard::CallHandle member
//     load_ = keywizard::LoadKeyAsync(this, options, [this](const keywizard::LoadResult& loaded) {
//         if (loaded.key) { ... } else if (loaded.reason == "endpoint_changed") { ... ask ... }
//     });
KEYWIZARD_API CallHandle LoadKeyAsync(wxEvtHandler* owner, const Options& options,
                                      std::function<void(const LoadResult&)> done);
KEYWIZARD_API CallHandle StoredKeyAsync(wxEvtHandler* owner, const Options& options,
                                        std::function<void(const StoredKeyInfo&)> done);
KEYWIZARD_API CallHandle SaveKeyAsync(wxEvtHandler* owner, const Options& options, std::string key,
                                      Storage storage, std::optional<CheckResult> checked,
                                      std::function<void(const SaveResult&)> done);
KEYWIZARD_API CallHandle ForgetKeyAsync(wxEvtHandler* owner, const Options& options,
                                        std::function<void(const ForgetResult&)> done);
KEYWIZARD_API CallHandle NeedsSetupAsync(wxEvtHandler* owner, const Options& options,
                                         std::function<void(bool)> done);

}  // namespace keywizard
