#pragma once

class wxStaticText;
class wxWindow;

namespace keywizard::ui {

// Makes `label` the label of `target` for GTK: its mnemonic (Alt+K in "API &key:") moves the focus to
// `target`, and screen readers read the label as `target`'s name (ATK's labelled-by relation). Without it
// GTK relates a label to whatever widget it guesses, often the next one. No-op off GTK.
void link_label(wxStaticText* label, wxWindow* target);

// The widget GTK relates `label` to, as a native handle (for tests); null when none or off GTK.
void* linked_widget_of(wxStaticText* label);

}  // namespace keywizard::ui
