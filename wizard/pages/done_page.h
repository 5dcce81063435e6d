#pragma once

#include <string>

#include "wizard/pages/wizard_page_base.h"

class wxButton;
class wxStaticText;

namespace keywizard::ui {

class IllustrationGallery;
class NoticeBox;

// "Setup complete": where the key is stored (from KeyStorage::save_key's result), how to change it later,
// and the pictures of the Settings menu and the API Keys and Secrets page. When the person chose not to
// save, it says so instead. When the pasted key is still on the clipboard it offers to clear it (a button,
// not a dialog). Child window names: done_status, done_location, done_warning, clipboard_notice,
// clear_clipboard.
class DonePage : public WizardPageBase {
  public:
    explicit DonePage(KeyWizardDialog& wizard);

    void OnShown(bool forward) override;
    // Once the key is saved there is nothing left to go back to or cancel: Finish is the way out.
    bool CanGoBack() const override { return !KeySaved(); }
    bool CanCancel() const override { return !KeySaved(); }

  protected:
    void OnFirstShow() override;

  private:
    bool KeySaved() const;
    void ClearClipboard();
    std::string SavedKey() const;  // the key as saved from the paste page's field

    IllustrationGallery* gallery_ = nullptr;
    wxWindow* clipboard_row_ = nullptr;
    wxStaticText* clipboard_text_ = nullptr;
    wxButton* clear_clipboard_ = nullptr;
    NoticeBox* status_ = nullptr;
    wxStaticText* location_ = nullptr;
    NoticeBox* warning_ = nullptr;
    wxStaticText* instruction_ = nullptr;
    wxWindow* content_notices_ = nullptr;
};

}  // namespace keywizard::ui
