#pragma once

#include <wx/colour.h>

class wxHyperlinkCtrl;
class wxWindow;

namespace keywizard::ui {

// WCAG 2 contrast ratio of two opaque sRGB colours: 1 (same) to 21 (black on white).
double contrast_ratio(const wxColour& a, const wxColour& b);

// `a` mixed with `b`: weight 0 is `a`, 1 is `b`.
wxColour mix(const wxColour& a, const wxColour& b, double weight);

// `colour` moved toward `toward` just far enough to stand out `ratio`:1 against `background`; unchanged when
// it already does. Themes pick their greys and link blues by eye; this keeps their hue and reaches WCAG AA.
wxColour with_contrast(const wxColour& colour, const wxColour& background, const wxColour& toward,
                       double ratio);

// WCAG AA asks 4.5:1 for body text; a little more, since anti-aliased strokes never reach the full colour.
inline constexpr double readable_ratio = 4.8;

// The theme's grey for hints and captions, made readable on `text`'s parent's background, set on `text`.
void make_secondary_text(wxWindow* text);

// The theme's colour for a problem in plain text (red), readable on `text`'s parent's background.
void make_error_text(wxWindow* text);

// The theme's link colours (normal, visited, hover), made readable on `link`'s parent's background. The dark
// Adwaita's own link blue reaches only 3.25:1 on its window colour.
void make_link_readable(wxHyperlinkCtrl* link);

}  // namespace keywizard::ui
