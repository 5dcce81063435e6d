#pragma once

#include <wx/artprov.h>
#include <wx/string.h>

#include <vector>

class wxWindow;

namespace keywizard::ui {

struct QuestionChoice {
    int id;          // what AskQuestion returns when this button is pressed; also the button's window id
    wxString label;  // says what happens ("Keep the previous key"), never just "OK"
};

struct Question {
    wxString name;     // window name of the dialog: lets tests find it among the top-level windows
    wxString title;    // window title
    wxString heading;  // one line in bold
    wxString message;  // the details, wrapped
    wxArtID icon = wxART_QUESTION;
    std::vector<QuestionChoice> choices;  // in button order, left to right
    int default_id = 0;                   // the button Enter presses
    int escape_id = 0;                    // what Escape and the title bar's close button choose
};

// Asks modally over `parent` and returns the id of the choice made. A small dialog of our own rather than
// wxMessageDialog: the buttons say what they do, there can be three of them, and GUI tests can find it.
int AskQuestion(wxWindow* parent, const Question& question);

}  // namespace keywizard::ui
