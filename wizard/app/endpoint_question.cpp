#include "wizard/app/endpoint_question.h"

#include <wx/intl.h>

#include "core/rules.h"
#include "wizard/app/check_settings.h"
#include "wizard/app/editor_close_flow.h"
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

KeyCheckJob KeyFieldCheckJob(wxWindow* parent, const Options& options, const settings::AppSettings& saved,
                             std::string_view stored_key, std::string field_text) {
    if (!stored_key.empty() && !key_field_changed(stored_key, field_text)) {
        if (const auto change =
                core::endpoint_change(core::resolve_endpoint(options, saved), saved.verified_base_url);
            change && !ConfirmSendingKeyElsewhere(parent, *change)) {
            KeyCheckJob refused;
            refused.endpoint = endpoint_for(saved);
            refused.run = [outcome = core::endpoint_changed_outcome(*change, core::mask_key(stored_key))](
                              const net::CancelTokenPtr&) { return outcome; };
            return refused;
        }
    }
    return make_key_check_job(core::check_request(options, saved, std::move(field_text)),
                              options.generation_check);
}

}  // namespace keywizard::ui
