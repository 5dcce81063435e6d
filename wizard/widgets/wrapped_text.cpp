#include "wizard/widgets/wrapped_text.h"

#include <wx/control.h>
#include <wx/stattext.h>
#include <wx/textwrapper.h>

namespace keywizard::ui {
namespace {

// wxStaticText::Wrap's own way of breaking lines (wxTextWrapper), collected into one string.
class LineBreaker : public wxTextWrapper {
  public:
    wxString Break(wxWindow* measure_on, const wxString& text, int width_px) {
        Wrap(measure_on, text, width_px);
        return broken_;
    }

  protected:
    void OnOutputLine(const wxString& line) override { broken_ += line; }
    void OnNewLine() override { broken_ += '\n'; }

  private:
    wxString broken_;
};

}  // namespace

void set_wrapped_text(wxStaticText* label, const wxString& text, int width_px) {
    // Wrap() breaks the label as stored (mnemonics escaped, as SetLabelText stores it), then sets that.
    const wxString stored = wxControl::EscapeMnemonics(text);
    wxWindow* measure_on = label->GetParent() != nullptr ? label->GetParent() : label;
    label->SetLabel(LineBreaker().Break(measure_on, stored, width_px));
}

}  // namespace keywizard::ui
