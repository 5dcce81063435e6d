#include "wizard/app/question_dialog.h"

#include <wx/msgdlg.h>

#include <cassert>

namespace keywizard::ui {
namespace {

QuestionAnswerer& answerer() {
    static QuestionAnswerer instance;
    return instance;
}

long icon_style(QuestionIcon icon) {
    switch (icon) {
        case QuestionIcon::warning:
            return wxICON_WARNING;
        case QuestionIcon::error:
            return wxICON_ERROR;
        case QuestionIcon::question:
            break;
    }
    return wxICON_QUESTION;
}

}  // namespace

int AskQuestion(wxWindow* parent, const Question& question) {
    if (const QuestionAnswerer& answer = answerer()) {
        return answer(question);
    }
    // The escape choice is the dialog's Cancel (Escape and the close box answer it); the others are
    // OK, or Yes and No, in the order given.
    std::vector<const QuestionChoice*> others;
    const QuestionChoice* escape = nullptr;
    for (const QuestionChoice& choice : question.choices) {
        if (choice.id == question.escape_id) {
            escape = &choice;
        } else {
            others.push_back(&choice);
        }
    }
    assert(escape != nullptr && (others.size() == 1 || others.size() == 2));  // see Question::choices
    const bool two = others.size() == 1;
    long style = wxCENTRE | icon_style(question.icon) | wxCANCEL | (two ? wxOK : wxYES_NO);
    if (question.default_id == escape->id) {
        style |= wxCANCEL_DEFAULT;
    } else if (!two && question.default_id == others[1]->id) {
        style |= wxNO_DEFAULT;
    }
    wxMessageDialog dialog(parent, question.heading, question.title, style);
    dialog.SetExtendedMessage(question.message);
    if (two) {
        dialog.SetOKCancelLabels(others[0]->label, escape->label);
    } else {
        dialog.SetYesNoCancelLabels(others[0]->label, others[1]->label, escape->label);
    }
    switch (dialog.ShowModal()) {
        case wxID_OK:
        case wxID_YES:
            return others[0]->id;
        case wxID_NO:
            return others[1]->id;
        default:
            return escape->id;
    }
}

void SetQuestionAnswerer(QuestionAnswerer answer) {
    answerer() = std::move(answer);
}

}  // namespace keywizard::ui
