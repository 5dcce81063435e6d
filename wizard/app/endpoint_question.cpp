#include "wizard/app/endpoint_question.h"

#include <wx/intl.h>

#include "wizard/app/question_dialog.h"

namespace keywizard::ui {

bool ConfirmSendingKeyElsewhere(wxWindow* parent, const core::EndpointChange& change) {
    Question question;
    question.name = endpoint_changed_question_name;
    question.title = _("Send the key to another address?");
    question.heading = wxString::Format(_("The stored key was verified at %s, not at %s."),
                                        wxString::FromUTF8(core::host_of(change.verified_base_url)),
                                        wxString::FromUTF8(core::host_of(change.base_url)));
    question.message = wxString::Format(
        _("The base URL is now %s (from %s). Send the key there only if you set that address yourself: a "
          "changed address can also be someone collecting keys."),
        wxString::FromUTF8(core::host_of(change.base_url)), wxString::FromUTF8(change.from));
    question.icon = QuestionIcon::warning;
    question.choices = {{wxID_YES, _("&Send it there")}, {wxID_CANCEL, _("&Cancel")}};
    question.default_id = wxID_CANCEL;
    question.escape_id = wxID_CANCEL;
    return AskQuestion(parent, question) == wxID_YES;
}

}  // namespace keywizard::ui
