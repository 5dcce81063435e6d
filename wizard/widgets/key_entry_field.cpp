#include "wizard/widgets/key_entry_field.h"

#include "wizard/widgets/accessible.h"
#include "wizard/widgets/label_link.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include "wizard/widgets/status_icons.h"

wxDEFINE_EVENT(keywizard::ui::EVT_KEY_ENTRY_CHANGED, wxCommandEvent);
wxDEFINE_EVENT(keywizard::ui::EVT_KEY_ENTRY_SUBMIT, wxCommandEvent);

namespace keywizard::ui {

std::string truncate_utf8(std::string text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t end = max_bytes;
    // Step back over continuation bytes (10xxxxxx) so the cut falls between characters.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    text.resize(end);
    return text;
}

KeyEntryField::KeyEntryField(wxWindow* parent, int wrap_width_dip, wxWindowID id, const wxString& name)
    : wxPanel(parent, id, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name),
      wrap_width_dip_(wrap_width_dip) {
    const long text_style = wxTE_PROCESS_ENTER;
    masked_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             text_style | wxTE_PASSWORD, wxDefaultValidator, "key_text");
    plain_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, text_style,
                            wxDefaultValidator, "key_text_plain");
    for (auto* text : {masked_, plain_}) {
        text->SetMaxLength(max_key_bytes);
        text->SetHint(_("sk-..."));
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { OnTextChanged(); });
        text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnEnter(); });
    }
    masked_->SetToolTip(_("Your OpenAI API key. It is hidden as you type; click Show to check it."));
    plain_->Hide();

    show_toggle_ = new wxToggleButton(this, wxID_ANY, _("&Show"), wxDefaultPosition, wxDefaultSize, 0,
                                      wxDefaultValidator, "key_show_toggle");
    show_toggle_->SetToolTip(_("Show or hide the key. Hide it before sharing your screen."));
    show_toggle_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent& event) { SetRevealed(event.IsChecked()); });

    paste_button_ = new wxButton(this, wxID_ANY, _("&Paste"), wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "key_paste_button");
    paste_button_->SetToolTip(_("Paste the key from the clipboard"));
    paste_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PasteFromClipboard(); });

    lint_icon_ = new wxStaticBitmap(this, wxID_ANY, status_icon_bundle(StatusIcon::info, 16));
    lint_message_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "key_lint_message");

    auto* field_row = new wxBoxSizer(wxHORIZONTAL);
    field_row->Add(masked_, 1, wxALIGN_CENTER_VERTICAL);
    field_row->Add(plain_, 1, wxALIGN_CENTER_VERTICAL);
    field_row->Add(show_toggle_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    field_row->Add(paste_button_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));

    auto* lint_row = new wxBoxSizer(wxHORIZONTAL);
    lint_row->Add(lint_icon_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    lint_row->Add(lint_message_, 1, wxALIGN_CENTER_VERTICAL);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(field_row, 0, wxEXPAND);
    column->Add(lint_row, 0, wxEXPAND | wxTOP, FromDIP(4));
    SetSizer(column);

    lint_ = core::lint_key({});
    UpdateLintMessage();
}

wxTextCtrl* KeyEntryField::GetTextControl() const {
    return revealed_ ? plain_ : masked_;
}

std::string KeyEntryField::GetKeyText() const {
    return GetTextControl()->GetValue().utf8_string();
}

bool KeyEntryField::IsEmpty() const {
    return GetTextControl()->IsEmpty();
}

void KeyEntryField::SetKeyText(const std::string& utf8) {
    const std::string capped = truncate_utf8(utf8, max_key_bytes);
    truncated_ = capped.size() < utf8.size();
    // ChangeValue: one notification below, not one per control.
    masked_->ChangeValue(wxString::FromUTF8(capped));
    plain_->ChangeValue(wxString::FromUTF8(capped));
    lint_ = core::lint_key(capped);
    UpdateLintMessage();
    NotifyChanged();
}

void KeyEntryField::SetRevealed(bool revealed) {
    if (revealed == revealed_) {
        return;
    }
    wxTextCtrl* from = GetTextControl();
    revealed_ = revealed;
    wxTextCtrl* to = GetTextControl();
    to->ChangeValue(from->GetValue());
    to->SetInsertionPoint(from->GetInsertionPoint());
    // Both controls carry the name key_text while shown, so a test (or a screen reader) finds the one in use.
    from->SetName(from == masked_ ? "key_text_masked" : "key_text_plain");
    to->SetName("key_text");
    from->Hide();
    to->Show();
    show_toggle_->SetValue(revealed);
    show_toggle_->SetLabel(revealed ? _("&Hide") : _("&Show"));
    Layout();
    link_label(label_, to);
    to->SetFocus();
}

void KeyEntryField::SetLabelWindow(wxStaticText* label) {
    label_ = label;
    link_label(label_, GetTextControl());
    // The label's words are both fields' names, as a screen reader says them (GTK relates the label, but
    // names an entry only by what it is told).
    for (wxTextCtrl* text : {masked_, plain_}) {
        set_accessible_name(text, label_->GetLabelText());
    }
}

void KeyEntryField::PasteFromClipboard() {
    wxString pasted;
    if (wxTheClipboard->Open()) {
        wxTextDataObject data;
        if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) && wxTheClipboard->GetData(data)) {
            pasted = data.GetText();
        }
        wxTheClipboard->Close();
    }
    if (pasted.empty()) {
        lint_message_->SetLabelText(
            _("The clipboard holds no text. Copy the key on the API keys page first."));
        set_status_icon(lint_icon_, StatusIcon::warning, 16);
        return;
    }
    SetKeyText(pasted.utf8_string());
    SetFocusToField();
}

bool KeyEntryField::SetFocusToField() {
    // wxGTK relates a label to the widget after it (here: this panel, which cannot take the focus) when it
    // lays out the tab order, at the idle time after a page is built; the page calls this when it is shown,
    // so link again now and once more after that (the parent's idle work comes before this window's).
    link_label(label_, GetTextControl());
    Unbind(wxEVT_IDLE, &KeyEntryField::RelinkLabelAfterIdle, this);
    Bind(wxEVT_IDLE, &KeyEntryField::RelinkLabelAfterIdle, this);
    GetTextControl()->SetFocus();
    return true;
}

void KeyEntryField::RelinkLabelAfterIdle(wxIdleEvent& event) {
    Unbind(wxEVT_IDLE, &KeyEntryField::RelinkLabelAfterIdle, this);
    link_label(label_, GetTextControl());
    event.Skip();
}

void KeyEntryField::OnTextChanged() {
    truncated_ = false;
    lint_ = core::lint_key(GetKeyText());
    UpdateLintMessage();
    NotifyChanged();
}

void KeyEntryField::OnEnter() {
    wxCommandEvent event(EVT_KEY_ENTRY_SUBMIT, GetId());
    event.SetEventObject(this);
    ProcessWindowEvent(event);
}

void KeyEntryField::UpdateLintMessage() {
    wxString message;
    StatusIcon icon = StatusIcon::info;
    if (IsEmpty()) {
        message = _("Paste the key you copied from the API keys page.");
    } else if (lint_.ok()) {
        icon = StatusIcon::success;
        message = wxString::Format(_("Looks like a key (%s). Click Test key to be sure it works."),
                                   wxString::FromUTF8(core::mask_key(lint_.key)));
        if (const net::Provider* owner = core::provider_of_key(lint_.key); owner && owner->id != "openai") {
            // Test key refuses to send it (reason wrong_provider): say so while it is pasted.
            icon = StatusIcon::warning;
            message = wxString::Format(_("This looks like a key for %s, not an OpenAI key."),
                                       wxString::FromUTF8(owner->name));
        }
        for (const auto& note : lint_.notes) {
            message += " " + wxGetTranslation(wxString::FromUTF8(note));
        }
    } else {
        icon = lint_.verdict == net::KeyLintVerdict::admin_key ? StatusIcon::danger : StatusIcon::warning;
        message = wxGetTranslation(wxString::FromUTF8(lint_.problem));
    }
    if (truncated_) {
        message += " " + wxString::Format(wxPLURAL("Only the first %d byte was kept.",
                                                   "Only the first %d bytes were kept.", int(max_key_bytes)),
                                          int(max_key_bytes));
    }
    set_status_icon(lint_icon_, icon, 16);
    lint_message_->SetLabelText(message);
    lint_message_->Wrap(FromDIP(wrap_width_dip_ - 22));  // the icon and its gap take the rest
    InvalidateBestSize();
    Layout();
}

void KeyEntryField::NotifyChanged() {
    wxCommandEvent event(EVT_KEY_ENTRY_CHANGED, GetId());
    event.SetEventObject(this);
    ProcessWindowEvent(event);
}

}  // namespace keywizard::ui
