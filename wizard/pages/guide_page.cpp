#include "wizard/pages/guide_page.h"

#include <wx/sizer.h>

#include "wizard/pages/content_view.h"
#include "wizard/pages/illustration_gallery.h"
#include "wizard/pages/key_wizard_dialog.h"

namespace keywizard::ui {

GuidePage::GuidePage(KeyWizardDialog& wizard, PageId id) : WizardPageBase(wizard, id, text_column_dip) {
    const auto& content = page_content(id, wizard.HostContent());
    wxWindow* parent = body();
    add_paragraph(parent, left_column(), translated(content.instruction), text_column_dip, "instruction");
    add_steps(parent, left_column(), content.steps, text_column_dip);
    add_links(parent, left_column(), content.links);
    add_notices(parent, left_column(), content.notices, text_column_dip);
    if (!content.images.empty()) {
        gallery_ = new IllustrationGallery(parent, content.images, picture_column_dip);
        right_column()->Add(gallery_, 0);
    }
    FinishLayout();
}

void GuidePage::OnFirstShow() {
    if (gallery_ != nullptr) {
        gallery_->DrawPictures();
    }
}

}  // namespace keywizard::ui
