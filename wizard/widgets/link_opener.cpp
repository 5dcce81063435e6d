#include "wizard/widgets/link_opener.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/dialog.h>
#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <utility>

namespace keywizard::ui {
namespace {

std::function<bool(const wxString&)>& launcher() {
    static std::function<bool(const wxString&)> current;
    return current;
}

bool launch_browser(const wxString& url) {
    if (launcher()) {
        return launcher()(url);
    }
    wxLogNull quiet;  // its "Failed to open URL" box is what the fallback replaces
    return wxLaunchDefaultBrowser(url);
}

void show_fallback(wxWindow* parent, const wxString& url) {
    wxDialog dialog(parent, wxID_ANY, _("Open this link in a browser"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE, link_fallback_name);
    auto* message = new wxStaticText(&dialog, wxID_ANY,
                                     _("No web browser could be opened. Copy the link and open it in a "
                                       "browser yourself:"));
    message->Wrap(dialog.FromDIP(420));
    auto* field = new wxTextCtrl(&dialog, wxID_ANY, url, wxDefaultPosition, dialog.FromDIP(wxSize(420, -1)),
                                 wxTE_READONLY, wxDefaultValidator, "link_fallback_url");
    auto* copied = new wxStaticText(&dialog, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                    "link_fallback_copied");
    auto* copy = new wxButton(&dialog, wxID_ANY, _("&Copy link"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "link_fallback_copy");
    copy->Bind(wxEVT_BUTTON, [url, copied, &dialog](wxCommandEvent&) {
        bool done = false;
        if (wxTheClipboard->Open()) {
            done = wxTheClipboard->SetData(new wxTextDataObject(url));
            wxTheClipboard->Close();
        }
        copied->SetLabelText(done ? _("Copied.") : _("Could not open the clipboard."));
        dialog.Layout();
    });
    auto* close = new wxButton(&dialog, wxID_CLOSE, _("Close"));
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.SetAffirmativeId(wxID_CLOSE);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(copied, 1, wxALIGN_CENTER_VERTICAL);
    buttons->Add(copy, 0, wxLEFT, dialog.FromDIP(8));
    buttons->Add(close, 0, wxLEFT, dialog.FromDIP(8));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(message, 0, wxALL, dialog.FromDIP(12));
    column->Add(field, 0, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(12));
    column->Add(buttons, 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    dialog.SetSizerAndFit(column);
    copy->SetDefault();
    // The link is selected, ready for Ctrl+C.
    field->SetFocus();
    field->SelectAll();
    dialog.ShowModal();
}

}  // namespace

void open_link(wxWindow* parent, const wxString& url) {
    if (!launch_browser(url)) {
        show_fallback(parent, url);
    }
}

void open_with_fallback(wxHyperlinkCtrl* link) {
    link->Bind(wxEVT_HYPERLINK, [link](wxHyperlinkEvent& event) {
        open_link(wxGetTopLevelParent(link), event.GetURL());  // not skipped: wx would open it too
    });
}

void set_browser_launcher(std::function<bool(const wxString& url)> replacement) {
    launcher() = std::move(replacement);
}

}  // namespace keywizard::ui
