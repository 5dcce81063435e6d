#pragma once

#include <wx/panel.h>

#include <vector>

#include "images/wizard_content.h"
#include "wizard/pages/illustration_bundle.h"  // illustration_bundle(), what the gallery draws

class wxButton;
class wxStaticBitmap;
class wxStaticText;

namespace keywizard::ui {

// A page's illustrations, one at a time at a fixed size (so every page fits the same wizard), with its
// caption and, when there are several, Previous/Next picture buttons and "Picture 2 of 3".
// The frame keeps its size from the start, but no picture is decoded until DrawPictures() is called (when
// the page is first shown): most pages are never seen by most people, and the wizard opens sooner.
// Child window names: illustration, illustration_caption, illustration_prev, illustration_next,
// illustration_position.
class IllustrationGallery : public wxPanel {
  public:
    IllustrationGallery(wxWindow* parent, std::vector<content::Illustration> images, int width_dip);

    // Shows the picture's caption and position, and the picture itself once DrawPictures() was called.
    void ShowPicture(std::size_t index);
    // From now on the pictures are drawn: call it when the gallery is about to appear (before it is painted,
    // so the frame is never seen empty). Calling it again does nothing.
    void DrawPictures();
    bool DrawsPictures() const { return drawing_; }
    std::size_t GetIndex() const { return index_; }
    std::size_t GetCount() const { return images_.size(); }

  private:
    std::vector<content::Illustration> images_;
    std::size_t index_ = 0;
    int width_dip_;
    bool drawing_ = false;
    wxStaticBitmap* picture_ = nullptr;
    wxStaticText* caption_ = nullptr;
    wxButton* prev_ = nullptr;
    wxButton* next_ = nullptr;
    wxStaticText* position_ = nullptr;
};

}  // namespace keywizard::ui
