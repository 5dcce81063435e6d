// A host app embedding keywizard: the wizard at first run and in the Help menu, a Test key button, and
// keywizard's API key page in the app's own settings dialog. Public headers only (<keywizard/wx.h>).
#include <clocale>
#include <cstring>

#include <langinfo.h>

#include <wx/app.h>
#include <wx/uilocale.h>

#include <keywizard/wx.h>

#include "main_frame.h"

namespace {

class HostApp : public wxApp {
  public:
    bool OnInit() override {
        if (!wxApp::OnInit()) {
            return false;
        }
        // wxString reads narrow literals ("Configuration Editor…") in the C library's locale, which wxGTK
        // leaves at "C" until the app sets one: the person's locale, and UTF-8 characters when none is set.
        wxUILocale::UseDefault();
        if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
            std::setlocale(LC_CTYPE, "C.UTF-8");
        }

        keywizard::Options options;
        options.app_id = "com.example.HostApp";  // its own config folder and keyring items
        options.app_name = "Host App";
        SetAppDisplayName(wxString::FromUTF8(options.app_name));

        // Before the main window shows: it reads the keyring (a few seconds at most).
        const bool first_run = keywizard::NeedsSetup(options);
        auto* frame = new MainFrame(options);
        frame->Show();
        if (first_run) {
            // Once the main window is up; dropped with the frame if it is closed first.
            frame->CallAfter([frame] { frame->RunSetup(true); });
        }
        return true;
    }
};

}  // namespace

wxIMPLEMENT_APP(HostApp);
