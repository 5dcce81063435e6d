#pragma once

#include "keywizard/core.h"

class wxWindow;

namespace keywizard::ui {

struct KeyWizardOptions {
    Options app;                  // whose key: app_id (config folder, keyring), app_name, explicit endpoint
    bool first_run = false;       // shows "Skip for now" on the start page; skipping is recorded
    bool start_at_paste = false;  // opens at the paste step (replacing a key that stopped working)
    // keywizard's own app: the last page shows its own menus (Settings -> Configuration Editor) and the
    // skip hint its Help menu. Any other host gets words about itself (app_name, change_key_later).
    bool own_app = false;
};

enum class KeyWizardResult {
    saved,      // a tested key was stored
    skipped,    // first run: the person chose "Skip for now" (recorded in settings)
    cancelled,  // closed without saving
};

// Runs the onboarding wizard modally over `parent` (may be null).
// `saved`, when given, receives what the wizard saved (stored == false when it saved nothing), from the
// wizard itself: no keyring read on the UI thread after it closes.
KeyWizardResult RunKeyWizard(wxWindow* parent, const KeyWizardOptions& options,
                             StoredKeyInfo* saved = nullptr);

}  // namespace keywizard::ui
