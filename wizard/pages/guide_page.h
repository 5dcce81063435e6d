#pragma once

#include "wizard/pages/wizard_page_base.h"

namespace keywizard::ui {

class IllustrationGallery;

// A page that only guides: create_account, open_api_keys, create_key. Words on the left (instruction,
// numbered steps, links, notices), the illustrations on the right. Nothing to validate.
class GuidePage : public WizardPageBase {
  public:
    GuidePage(KeyWizardDialog& wizard, PageId id);

  protected:
    void OnFirstShow() override;

  private:
    IllustrationGallery* gallery_ = nullptr;
};

}  // namespace keywizard::ui
