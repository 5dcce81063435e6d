#pragma once

#include <wx/string.h>

class wxStaticText;
class wxWindow;

namespace keywizard::ui {

// What label->SetLabelText(text) then label->Wrap(width_px) do, for less: GTK measures the label once
// instead of twice, and the line breaks are measured on the label's parent, whose drawing context is cheap
// to make (a label's asks GTK for a label's default font and colours each time). The wizard builds dozens
// of wrapped labels before its first page appears, so this is start-up time.
// Only for labels in their parent's font: a bold label needs its own measurements (SetLabelText + Wrap).
void set_wrapped_text(wxStaticText* label, const wxString& text, int width_px);

}  // namespace keywizard::ui
