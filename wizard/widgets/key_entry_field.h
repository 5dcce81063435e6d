#pragma once

#include <wx/event.h>
#include <wx/panel.h>

#include <cstddef>
#include <string>

#include "core/rules.h"

class wxButton;
class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;
class wxToggleButton;

namespace keywizard::ui {

// Sent by KeyEntryField (wxCommandEvent, propagates to parents):
//   EVT_KEY_ENTRY_CHANGED  after every change of the text (typing, Paste, SetKeyText, clearing);
//   EVT_KEY_ENTRY_SUBMIT   when Enter is pressed in the field (the page runs Test key).
wxDECLARE_EVENT(EVT_KEY_ENTRY_CHANGED, wxCommandEvent);
wxDECLARE_EVENT(EVT_KEY_ENTRY_SUBMIT, wxCommandEvent);

// The API key field: masked by default with a Show/Hide toggle and a Paste button, input capped at
// 1 KiB, and a live message from core::lint_key under it ("contains a space at position 52").
// Child window names (for tests): key_text (the visible text control), key_show_toggle, key_paste_button,
// key_lint_message.
class KeyEntryField : public wxPanel {
  public:
    static constexpr std::size_t max_key_bytes = 1024;

    // The lint message wraps at `wrap_width_dip` (about the width the field gets in its page).
    explicit KeyEntryField(wxWindow* parent, int wrap_width_dip = 440, wxWindowID id = wxID_ANY,
                           const wxString& name = "key_entry");

    // The text as typed or pasted, UTF-8. lint_key() normalises it; use GetLint().key for the clean key.
    std::string GetKeyText() const;
    // Replaces the text (capped at max_key_bytes) and sends EVT_KEY_ENTRY_CHANGED.
    void SetKeyText(const std::string& utf8);
    void ClearKey() { SetKeyText({}); }

    // Lint of the current text, updated before EVT_KEY_ENTRY_CHANGED is sent.
    const net::KeyLintResult& GetLint() const { return lint_; }
    bool IsEmpty() const;

    bool IsRevealed() const { return revealed_; }
    void SetRevealed(bool revealed);

    // Takes the clipboard's text (what the Paste button does).
    void PasteFromClipboard();

    // The text control currently shown (masked or plain), e.g. to focus it or to test it.
    wxTextCtrl* GetTextControl() const;

    bool SetFocusToField();
    // `label` names the field (mnemonic and screen readers), following Show/Hide to the text in use.
    void SetLabelWindow(wxStaticText* label);

  private:
    void RelinkLabelAfterIdle(wxIdleEvent& event);
    void OnTextChanged();
    void OnEnter();
    void UpdateLintMessage();
    void NotifyChanged();

    wxTextCtrl* masked_ = nullptr;  // wxTE_PASSWORD cannot be toggled on GTK: two controls, one shown
    wxTextCtrl* plain_ = nullptr;
    wxToggleButton* show_toggle_ = nullptr;
    wxButton* paste_button_ = nullptr;
    wxStaticBitmap* lint_icon_ = nullptr;
    wxStaticText* lint_message_ = nullptr;
    int wrap_width_dip_;
    bool revealed_ = false;
    wxStaticText* label_ = nullptr;  // SetLabelWindow
    bool truncated_ = false;         // the last paste or SetKeyText was cut to max_key_bytes
    net::KeyLintResult lint_;
};

// Cuts UTF-8 text to at most `max_bytes` without splitting a character.
std::string truncate_utf8(std::string text, std::size_t max_bytes);

}  // namespace keywizard::ui
