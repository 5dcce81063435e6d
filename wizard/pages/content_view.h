#pragma once

#include <wx/string.h>

#include <string>
#include <vector>

#include "images/wizard_content.h"
#include "wizard/pages/wizard_route.h"

class wxSizer;
class wxStaticText;
class wxWindow;

// Builds a page's words from the content file: title, paragraphs, numbered steps, links and notices. Every
// string goes through the translation catalog (wxGetTranslation), so a translator needs no code change.
namespace keywizard::ui {

// Layout constants shared by every page (DIP), so the pages line up when the wizard switches between them.
inline constexpr int text_column_dip = 420;  // instruction, steps, notices next to a picture
// Illustrations: the width the build renders them at, so they are shown without resampling.
inline constexpr int picture_column_dip = content::illustration_width;
inline constexpr int main_column_dip = 520;   // the paste page's key field and result
inline constexpr int aside_column_dip = 380;  // the paste page's steps and notices
inline constexpr int column_gap_dip = 24;

// The page's content, or a minimal stand-in (its id as title) if the content file lacks it: a missing page
// must not take the wizard down; content_tests guard against shipping one.
// The page's words: the host's (`host`, may be null) when it has that page, else keywizard's own.
const content::PageContent& page_content(PageId page, const content::WizardContent* host = nullptr);

wxString translated(const std::string& utf8);

wxStaticText* add_title(wxWindow* parent, wxSizer* sizer, const wxString& title);
wxStaticText* add_paragraph(wxWindow* parent, wxSizer* sizer, const wxString& text, int width_dip,
                            const wxString& name = "paragraph");
// "1." "2." ... with each step wrapped beside its number.
void add_steps(wxWindow* parent, wxSizer* sizer, const std::vector<std::string>& steps, int width_dip);
void add_links(wxWindow* parent, wxSizer* sizer, const std::vector<content::Link>& links);
void add_notices(wxWindow* parent, wxSizer* sizer, const std::vector<content::Notice>& notices,
                 int width_dip);

}  // namespace keywizard::ui
