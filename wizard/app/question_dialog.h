#pragma once

#include <wx/string.h>

#include <functional>
#include <vector>

class wxWindow;

namespace keywizard::ui {

enum class QuestionIcon { question, warning, error };

struct QuestionChoice {
    int id;          // what AskQuestion returns when this button is pressed
    wxString label;  // says what happens ("Keep the previous key"), never just "OK"
};

struct Question {
    wxString name;     // which question this is: lets tests tell the questions apart
    wxString title;    // window title
    wxString heading;  // one line, the question itself
    wxString message;  // the details
    QuestionIcon icon = QuestionIcon::question;
    std::vector<QuestionChoice> choices;  // two or three
    int default_id = 0;                   // the button Enter presses
    int escape_id = 0;                    // what Escape and the title bar's close button choose
};

// Asks modally over `parent` with the toolkit's own message dialog (the buttons labelled with what they
// do) and returns the id of the choice made.
int AskQuestion(wxWindow* parent, const Question& question);

// For tests: a native message dialog is no wx window a test can press, so a test answers the questions
// itself (the answerer returns a choice's id). Null: questions are shown again.
using QuestionAnswerer = std::function<int(const Question&)>;
void SetQuestionAnswerer(QuestionAnswerer answerer);

}  // namespace keywizard::ui
