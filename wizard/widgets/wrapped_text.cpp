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

// Japanese and Chinese put no spaces between words, and wxTextWrapper breaks only at spaces: a translated
// paragraph would stay one line as wide as the text. In such text a line may break between any two
// characters, except before closing punctuation and small kana (、。」ー) and after opening brackets (「（):
// the common kinsoku rules.
bool is_cjk(wxUniChar c) {
    const auto code = c.GetValue();
    return (code >= 0x2E80 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) ||
           (code >= 0xFF00 && code <= 0xFFEF) || (code >= 0x20000 && code <= 0x3FFFF);
}

bool no_break_before(wxUniChar c) {
    static const wxString closing = wxString::FromUTF8(
        "、。，．・：；？！ー）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜…‥),.:;!?%]}");
    return closing.Find(c) != wxNOT_FOUND;
}

bool no_break_after(wxUniChar c) {
    static const wxString opening = wxString::FromUTF8("（「『【〔〈《([{");
    return opening.Find(c) != wxNOT_FOUND;
}

bool contains_cjk(const wxString& text) {
    for (const wxUniChar c : text) {
        if (is_cjk(c)) {
            return true;
        }
    }
    return false;
}

// Greedy, like wxTextWrapper: as many pieces on a line as fit in width_px; a piece wider than that gets a
// line of its own. A piece ends after spaces or at a break allowed between two CJK characters.
wxString break_cjk_line(wxWindow* measure_on, const wxString& line, int width_px) {
    wxString out;
    wxString current;
    wxString piece;
    auto fits = [&](const wxString& text) {
        wxString trimmed = text;
        trimmed.Trim(true);
        return measure_on->GetTextExtent(trimmed).x <= width_px;
    };
    auto place = [&] {
        if (current.empty() || fits(current + piece)) {
            current += piece;
        } else {
            out += current.Trim(true) + '\n';
            current = piece;
        }
        piece.clear();
    };
    for (std::size_t i = 0; i < line.length(); ++i) {
        const wxUniChar c = line[i];
        if (!piece.empty()) {
            const wxUniChar previous = piece.Last();
            const bool after_space = previous == ' ' && c != ' ';
            const bool between_cjk = (is_cjk(previous) || is_cjk(c)) && previous != ' ' && c != ' ' &&
                                     !no_break_before(c) && !no_break_after(previous);
            if (after_space || between_cjk) {
                place();
            }
        }
        piece += c;
    }
    place();
    return out + current;
}

}  // namespace

void set_wrapped_text(wxStaticText* label, const wxString& text, int width_px) {
    // Wrap() breaks the label as stored (mnemonics escaped, as SetLabelText stores it), then sets that.
    const wxString stored = wxControl::EscapeMnemonics(text);
    wxWindow* measure_on = label->GetParent() != nullptr ? label->GetParent() : label;
    if (width_px > 0 && contains_cjk(stored)) {
        wxString broken;
        const wxArrayString lines = wxSplit(stored, '\n', '\0');
        for (std::size_t i = 0; i < lines.size(); ++i) {
            broken += (i == 0 ? "" : "\n") + break_cjk_line(measure_on, lines[i], width_px);
        }
        label->SetLabel(broken);
        return;
    }
    label->SetLabel(LineBreaker().Break(measure_on, stored, width_px));
}

}  // namespace keywizard::ui
