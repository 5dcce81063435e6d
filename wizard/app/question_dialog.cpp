#include "wizard/app/question_dialog.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

namespace keywizard::ui {
namespace {

class QuestionDialog : public wxDialog {
  public:
    QuestionDialog(wxWindow* parent, const Question& question)
        : wxDialog(parent, wxID_ANY, question.title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
                   question.name) {
        auto* icon = new wxStaticBitmap(this, wxID_ANY,
                                        wxArtProvider::GetBitmapBundle(question.icon, wxART_MESSAGE_BOX));

        auto* heading = new wxStaticText(this, wxID_ANY, question.heading);
        heading->SetFont(heading->GetFont().Bold().Larger());
        auto* message = new wxStaticText(this, wxID_ANY, question.message);
        message->Wrap(FromDIP(420));

        auto* text_column = new wxBoxSizer(wxVERTICAL);
        text_column->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
        text_column->Add(message, wxSizerFlags());

        auto* body = new wxBoxSizer(wxHORIZONTAL);
        body->Add(icon, wxSizerFlags().Top().Border(wxRIGHT, FromDIP(12)));
        body->Add(text_column, wxSizerFlags(1).Expand());

        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->AddStretchSpacer();
        for (const QuestionChoice& choice : question.choices) {
            auto* button = new wxButton(this, choice.id, choice.label);
            button->Bind(wxEVT_BUTTON, [this, id = choice.id](wxCommandEvent&) { EndModal(id); });
            buttons->Add(button, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
            if (choice.id == question.default_id) {
                button->SetDefault();
                button->SetFocus();
            }
        }
        // Escape and the title bar's close box press this button (it must be one of the choices).
        SetEscapeId(question.escape_id);

        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(body, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
        outer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
        SetSizerAndFit(outer);
        CentreOnParent();
    }
};

}  // namespace

int AskQuestion(wxWindow* parent, const Question& question) {
    QuestionDialog dialog(parent, question);
    return dialog.ShowModal();
}

}  // namespace keywizard::ui
