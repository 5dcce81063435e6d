#include "wizard/pages/start_page.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/rules.h"
#include "wizard/pages/content_view.h"
#include "wizard/pages/key_wizard_dialog.h"
#include "wizard/widgets/accessible.h"
#include "wizard/widgets/key_hygiene.h"
#include "wizard/widgets/readable_colours.h"
#include "wizard/widgets/translate.h"
#include "wizard/widgets/wrapped_text.h"

namespace keywizard::ui {

StartPage::StartPage(KeyWizardDialog& wizard)
    : WizardPageBase(wizard, PageId::start, text_column_dip + column_gap_dip + picture_column_dip) {
    const auto& content = page_content(PageId::start, wizard.HostContent());
    wxWindow* parent = body();
    const int width = text_column_dip + column_gap_dip + picture_column_dip;
    const KeyWizardOptions& options = wizard.Options();
    const wxString app_name = wxString::FromUTF8(options.app.app_name);
    // "This app" is keywizard's own; a host's page names the host (unless its content file has its words).
    const bool own_words = wizard.ShowsContentAsWritten(PageId::start);
    add_paragraph(
        parent, left_column(),
        own_words ? translated(content.instruction)
                  : wxString::Format(_("%s uses OpenAI, and it needs an API key to do that. An API key is a "
                                       "long secret code, like a password, that lets it use your OpenAI "
                                       "account. This wizard shows you how to get one, tests it, and "
                                       "saves it for you. Choose where you want to begin."),
                                     app_name),
        width, "instruction");

    if (const auto& key = wizard.EnvironmentKey()) {
        AddChoice(StartChoice::env_key, _("Test and &use the key from OPENAI_API_KEY"),
                  wxString::Format(_("A key is set in this session's environment (%s). The wizard tests it "
                                     "and, if it works, saves it."),
                                   wxString::FromUTF8(core::mask_key(*key))),
                  "start_env_key", true);
    }
    environment_notice_ = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                           "start_environment_notice");
    left_column()->Add(environment_notice_, 0, wxLEFT | wxTOP, FromDIP(6));
    environment_notice_->Hide();
    const bool first = choices_.empty();
    AddChoice(StartChoice::need_account, _("I need an OpenAI &account"),
              _("Start from the beginning: create an account, then a key."), "start_need_account", first);
    AddChoice(StartChoice::have_account, _("I have an account, but no API key &yet"),
              _("Skip to opening the API keys page and creating a key."), "start_have_account", false);
    AddChoice(StartChoice::have_key, _("I already &have an API key"),
              _("Skip to pasting and testing the key."), "start_have_key", false);
    left_column()->AddSpacer(FromDIP(8));

    add_steps(parent, left_column(), content.steps, width);
    add_links(parent, left_column(), content.links);
    add_notices(parent, left_column(), content.notices, width);

    if (wizard.Options().first_run) {
        auto* skip_row = new wxBoxSizer(wxHORIZONTAL);
        auto* skip = new wxButton(parent, wxID_ANY, _("S&kip for now"), wxDefaultPosition, wxDefaultSize, 0,
                                  wxDefaultValidator, "start_skip");
        skip->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->wizard().SkipForNow(); });
        const wxString later =
            options.own_app ? tr_utf8("You can set up the key later from Help → Set up OpenAI API key…")
            : options.app.change_key_later.empty()
                ? wxString::Format(_("You can set up the key later in %s's settings."), app_name)
                : wxString::Format(_("You can set up the key later: %s"),
                                   wxString::FromUTF8(options.app.change_key_later));
        auto* hint =
            new wxStaticText(parent, wxID_ANY, later, wxDefaultPosition, wxDefaultSize, 0, "start_skip_hint");
        make_secondary_text(hint);
        skip_row->Add(skip, 0, wxALIGN_CENTER_VERTICAL);
        skip_row->Add(hint, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(10));
        left_column()->Add(skip_row, 0, wxTOP, FromDIP(4));
    }

    // Opened at the paste step (a replacement key): the start page shows the route already taken.
    SetChoice(wizard.Options().start_at_paste ? StartChoice::have_key : choices_.front().first);
    FinishLayout();
}

void StartPage::AddChoice(StartChoice choice, const wxString& label, const wxString& hint,
                          const wxString& name, bool first) {
    wxWindow* parent = body();
    // Bold from birth: set after Create, GTK sizes the first allocation for the regular label and complains.
    auto* radio = new wxRadioButton();
    radio->SetFont(parent->GetFont().Bold());
    radio->Create(parent, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, first ? wxRB_GROUP : 0,
                  wxDefaultValidator, name);
    radio->Bind(wxEVT_RADIOBUTTON, [this, choice](wxCommandEvent&) { wizard().Route().choose(choice); });
    auto* hint_text =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name + "_hint");
    set_wrapped_text(hint_text, hint, FromDIP(text_column_dip + column_gap_dip + picture_column_dip - 28));
    // Each choice is named by its own words and described by its hint (GTK would relate a choice to the
    // label before it: the previous choice's hint).
    set_accessible_name(radio, radio->GetLabelText());
    set_accessible_description(radio, hint);
    make_secondary_text(hint_text);
    left_column()->Add(radio, 0, wxTOP, FromDIP(6));
    left_column()->Add(hint_text, 0, wxLEFT, FromDIP(28));
    choices_.emplace_back(choice, radio);
}

StartChoice StartPage::GetChoice() const {
    for (const auto& [choice, radio] : choices_) {
        if (radio->GetValue()) {
            return choice;
        }
    }
    return StartChoice::need_account;
}

void StartPage::OnStartFactsKnown() {
    const auto& facts = wizard().StartFacts();
    if (!facts || facts->environment_key_masked.empty() || facts->stored_masked_key.empty()) {
        return;
    }
    set_wrapped_text(environment_notice_,
                     EnvironmentKeyOverrideText(facts->environment_key_masked, facts->stored_masked_key),
                     FromDIP(text_column_dip + column_gap_dip + picture_column_dip - 28));
    environment_notice_->Show();
    RefreshLayout();
}

void StartPage::SetChoice(StartChoice choice) {
    for (const auto& [candidate, radio] : choices_) {
        if (candidate == choice) {
            radio->SetValue(true);
        }
    }
    wizard().Route().choose(GetChoice());
}

}  // namespace keywizard::ui
