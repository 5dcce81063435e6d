#include "wizard/widgets/key_hygiene.h"

#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/intl.h>

#include "core/rules.h"

namespace keywizard::ui {
namespace {

bool OpenClipboardHolding(const std::string& key) {
    if (key.empty() || !wxTheClipboard->Open()) {
        return false;
    }
    bool holds = false;
    if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) || wxTheClipboard->IsSupported(wxDF_TEXT)) {
        wxTextDataObject text;
        if (wxTheClipboard->GetData(text)) {
            std::string copied = text.GetText().utf8_string();
            holds = core::ascii::trim(copied) == key;
            copied.assign(copied.size(), '\0');
        }
    }
    if (!holds) {
        wxTheClipboard->Close();
    }
    return holds;
}

}  // namespace

wxString EnvironmentKeyOverrideText(const std::string& environment_masked, const std::string& stored_masked) {
    if (stored_masked.empty()) {
        return wxString::Format(
            _("Your environment's key %s is used by tools that read OPENAI_API_KEY; no key "
              "is stored here."),
            wxString::FromUTF8(environment_masked));
    }
    return wxString::Format(
        _("Your environment's key %s overrides the stored %s for tools that read OPENAI_API_KEY."),
        wxString::FromUTF8(environment_masked), wxString::FromUTF8(stored_masked));
}

bool ClipboardHoldsKey(const std::string& key) {
    if (!OpenClipboardHolding(key)) {
        return false;
    }
    wxTheClipboard->Close();
    return true;
}

bool ClearClipboardIfItHolds(const std::string& key) {
    if (!OpenClipboardHolding(key)) {
        return false;
    }
    // Clear() only gives up what this app put there; replacing the text works whoever copied the key.
    wxTheClipboard->SetData(new wxTextDataObject(wxString()));
    wxTheClipboard->Close();
    return true;
}

}  // namespace keywizard::ui
