#pragma once

#include <wx/panel.h>

#include <functional>

#include "wizard/widgets/key_check_panel.h"
#include "wizard/widgets/notice_box.h"

class wxButton;
class wxStaticText;

namespace keywizard::ui {

class KeyEntryField;

// Configuration Editor -> API Keys and Secrets: the OPENAI_API_KEY field (masked, Show/Hide, Paste), where
// the key is stored, Test key with its result panel, and Forget key. The dialog owns the rules (what
// closing does); this page only shows and collects.
// Window names (for tests): api_keys_page, key_entry (the field), key_storage_location, forget_key_button,
// key_check (the Test key panel), editor_notice.
class EditorApiKeysPage : public wxPanel {
  public:
    // `about`: the sentence under the name; empty: the Configuration Editor's (saved on close).
    EditorApiKeysPage(wxWindow* parent, KeyCheckPanel::JobFactory make_check, std::function<void()> on_forget,
                      const wxString& about = {});

    KeyEntryField* GetKeyField() const { return key_field_; }
    KeyCheckPanel* GetCheckPanel() const { return check_panel_; }

    // The stored key's place for a person, or empty when none is stored; enables Forget key.
    void ShowStorage(const wxString& location, bool key_stored);
    void ShowNotice(NoticeKind kind, const wxString& text);

  private:
    KeyEntryField* key_field_ = nullptr;
    wxStaticText* location_ = nullptr;
    wxButton* forget_button_ = nullptr;
    KeyCheckPanel* check_panel_ = nullptr;
    NoticeBox* notice_ = nullptr;
};

}  // namespace keywizard::ui
