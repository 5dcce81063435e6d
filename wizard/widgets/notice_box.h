#pragma once

#include <wx/panel.h>

#include "wizard/widgets/status_icons.h"

class wxStaticBitmap;
class wxStaticText;

namespace keywizard::ui {

enum class NoticeKind { info, warning, danger, success };

// A tinted box with an icon and a wrapped sentence or two: the wizard's notices and inline messages
// (saving failed, keyring unavailable). The box is a tint of the window's colour toward the kind's (light in
// a light theme, dark in a dark one), its text the theme's own, at 7:1 or more.
class NoticeBox : public wxPanel {
  public:
    NoticeBox(wxWindow* parent, NoticeKind kind, const wxString& text, int wrap_width_dip,
              const wxString& name = "notice");

    void SetNotice(NoticeKind kind, const wxString& text);

    // A notice is read, not operated: never a Tab stop, and focus never starts there.
    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }
    // GTK is told too (wx would make a panel without focusable children a focusable widget, which screen
    // readers list as a focusable, unnamed Tab stop).
    void SetCanFocus(bool) override { wxPanel::SetCanFocus(false); }
    NoticeKind GetKind() const { return kind_; }
    wxString GetText() const;

  private:
    void ApplyKind();

    NoticeKind kind_;
    int wrap_width_dip_;
    wxStaticBitmap* icon_ = nullptr;
    wxStaticText* text_ = nullptr;
};

}  // namespace keywizard::ui
