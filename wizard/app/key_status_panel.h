#pragma once

#include <wx/panel.h>

#include "keywizard/core.h"
#include "wizard/widgets/status_icons.h"

class wxStaticBitmap;
class wxStaticText;
class wxButton;
class wxSizer;

namespace keywizard::ui {

// The main window's summary of the stored key: configured or not, the masked key (never the key), where it
// is stored, the last check's result and time. Buttons send ID_SETUP_KEY and wxID_PREFERENCES up to the
// frame; the Test key panel goes into check_area(). When OPENAI_API_KEY differs from the stored key it says
// which one tools use (window name environment_key_notice).
class KeyStatusPanel : public wxPanel {
  public:
    explicit KeyStatusPanel(wxWindow* parent);

    void ShowLoading();
    void ShowState(const StoredKeyInfo& key);

    // Where the frame puts the Test key panel (below the summary, above the buttons).
    wxSizer* check_area() const { return check_area_; }

  private:
    void ShowHeadline(StatusIcon icon, const wxString& headline, const wxString& explanation);
    // The headline for a stored key, as the last check left it (unverified, rejected, limited, valid).
    void ShowConfiguredHeadline(const std::string& last_check_status);

    wxStaticBitmap* status_icon_ = nullptr;
    wxStaticText* headline_ = nullptr;
    wxStaticText* explanation_ = nullptr;
    wxStaticText* environment_notice_ = nullptr;  // "your environment's key … overrides the stored …"
    wxStaticText* masked_key_ = nullptr;
    wxStaticText* location_ = nullptr;
    wxStaticText* last_check_ = nullptr;
    wxSizer* details_ = nullptr;
    wxSizer* check_area_ = nullptr;
    wxButton* setup_button_ = nullptr;
};

// "Valid (ok), 2 May 2024 14:03" from what settings.json remembers; "Never checked" when nothing.
wxString DescribeLastCheck(const StoredKeyInfo& key);

}  // namespace keywizard::ui
