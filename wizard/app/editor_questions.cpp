#include "wizard/app/editor_questions.h"

#include <wx/intl.h>

#include "core/rules.h"
#include "wizard/app/question_dialog.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {

RejectedKeyChoice AskAboutRejectedKey(wxWindow* parent, const net::KeyCheckOutcome& outcome,
                                      bool has_previous_key) {
    const std::vector<RejectedKeyChoice> choices = choices_for_rejected_key(outcome);
    Question question;
    question.name = rejected_key_question_name;
    question.title = _("The new key was not saved yet");
    question.heading = verdict_sentence(outcome);
    question.icon = outcome.status == net::KeyStatus::rejected ? QuestionIcon::error : QuestionIcon::warning;
    question.message = wxString::FromUTF8(outcome.message) + "\n\n";
    question.message += has_previous_key ? _("Your previous key is still stored and still in use.")
                                         : _("No key is stored yet.");
    for (const RejectedKeyChoice choice : choices) {
        switch (choice) {
            case RejectedKeyChoice::go_back:
                question.choices.push_back({ID_GO_BACK, _("Go back and fix it")});
                break;
            case RejectedKeyChoice::keep_previous:
                question.choices.push_back({ID_KEEP_PREVIOUS, has_previous_key ? _("Keep the previous key")
                                                                               : _("Close without a key")});
                break;
            case RejectedKeyChoice::save_anyway:
                question.message += "\n\n" + save_limited_warning(outcome);
                question.choices.push_back({ID_SAVE_ANYWAY, _("Save anyway")});
                break;
        }
    }
    question.default_id = ID_GO_BACK;
    question.escape_id = ID_GO_BACK;
    switch (AskQuestion(parent, question)) {
        case ID_KEEP_PREVIOUS:
            return RejectedKeyChoice::keep_previous;
        case ID_SAVE_ANYWAY:
            return RejectedKeyChoice::save_anyway;
        default:
            return RejectedKeyChoice::go_back;
    }
}

NetworkTestChoice AskAboutFailedNetworkTest(wxWindow* parent, const net::KeyCheckOutcome& outcome) {
    Question question;
    question.name = network_test_question_name;
    question.title = _("The network settings were not saved yet");
    question.heading = verdict_sentence(outcome);
    question.icon = outcome.status == net::KeyStatus::rejected ? QuestionIcon::error : QuestionIcon::warning;
    const std::string said = core::person_message(outcome, wx_wording());
    question.message = said.empty() ? wxString() : wxString::FromUTF8(said) + "\n\n";
    question.message +=
        _("Your stored key did not pass the test with the new network settings, so this app "
          "may not reach OpenAI with them. Go back to change them, or save them anyway.");
    question.choices = {{ID_GO_BACK, _("Go back and fix it")}, {ID_SAVE_ANYWAY, _("Save anyway")}};
    question.default_id = ID_GO_BACK;
    question.escape_id = ID_GO_BACK;
    return AskQuestion(parent, question) == ID_SAVE_ANYWAY ? NetworkTestChoice::save_anyway
                                                           : NetworkTestChoice::go_back;
}

KeyringFallbackChoice AskAboutKeyringFallback(wxWindow* parent, const wxString& keyring_problem,
                                              const wxString& file_location) {
    Question question;
    question.name = keyring_fallback_question_name;
    question.title = _("Keyring not available");
    question.heading = _("Your keyring cannot store the key right now.");
    question.icon = QuestionIcon::warning;
    question.message =
        keyring_problem + "\n\n" +
        wxString::Format(_("The key can be saved to a file only you can read instead:\n%s\n\nThat "
                           "file is plain text: programs running as you and your backups can "
                           "read it."),
                         file_location);
    question.choices = {{ID_DONT_SAVE, _("Don't save the key")},
                        {ID_GO_BACK, _("Go back")},
                        {ID_SAVE_TO_FILE, _("Save to the file")}};
    question.default_id = ID_GO_BACK;
    question.escape_id = ID_GO_BACK;
    switch (AskQuestion(parent, question)) {
        case ID_SAVE_TO_FILE:
            return KeyringFallbackChoice::save_to_file;
        case ID_DONT_SAVE:
            return KeyringFallbackChoice::dont_save;
        default:
            return KeyringFallbackChoice::go_back;
    }
}

bool ConfirmForgetKey(wxWindow* parent, const wxString& location) {
    Question question;
    question.name = forget_key_question_name;
    question.title = _("Forget the key");
    question.heading = _("Remove the stored OpenAI API key?");
    question.icon = QuestionIcon::warning;
    question.message =
        wxString::Format(_("It is removed from %s. This app cannot call OpenAI until you add a "
                           "key again. The key itself stays valid at OpenAI: revoke it there if "
                           "it leaked."),
                         location);
    question.choices = {{wxID_CANCEL, _("Cancel")}, {ID_FORGET_KEY, _("Forget key")}};
    question.default_id = wxID_CANCEL;
    question.escape_id = wxID_CANCEL;
    return AskQuestion(parent, question) == ID_FORGET_KEY;
}

}  // namespace keywizard::ui
