#pragma once

#include "wizard/pages/wizard_page_base.h"

class wxStaticText;

namespace keywizard::ui {

class IllustrationGallery;
class NoticeBox;

// "Setup complete": where the key is stored (from KeyStorage::save_key's result), how to change it later,
// and the pictures of the Settings menu and the API Keys and Secrets page. When the person chose not to
// save, it says so instead. Child window names: done_status, done_location, done_warning.
class DonePage : public WizardPageBase {
  public:
    explicit DonePage(KeyWizardDialog& wizard);

    void OnShown(bool forward) override;

  protected:
    void OnFirstShow() override;

  private:
    IllustrationGallery* gallery_ = nullptr;
    NoticeBox* status_ = nullptr;
    wxStaticText* location_ = nullptr;
    NoticeBox* warning_ = nullptr;
    wxStaticText* instruction_ = nullptr;
    wxWindow* content_notices_ = nullptr;
};

}  // namespace keywizard::ui
