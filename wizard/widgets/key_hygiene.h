#pragma once

#include <wx/string.h>

#include <string>

// What the windows say and do to keep a key where it belongs: which key tools use, and a key left on the
// clipboard after it was pasted.
namespace keywizard::ui {

// "Your environment's key sk-…abcd overrides the stored sk-…wxyz for tools that read OPENAI_API_KEY."
// Both masked; `stored_masked` empty: no key is stored.
wxString EnvironmentKeyOverrideText(const std::string& environment_masked, const std::string& stored_masked);

// Whether the clipboard holds exactly `key` (surrounding whitespace aside) as text. UI thread only.
bool ClipboardHoldsKey(const std::string& key);

// Empties the clipboard only if it still holds exactly `key`: something copied since is left alone.
// Returns whether it was cleared. UI thread only.
bool ClearClipboardIfItHolds(const std::string& key);

}  // namespace keywizard::ui
