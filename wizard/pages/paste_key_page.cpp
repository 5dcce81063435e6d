#include "wizard/pages/paste_key_page.h"

#include <wx/activityindicator.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/rules.h"
#include "wizard/pages/advanced_endpoint_pane.h"
#include "wizard/pages/content_view.h"
#include "wizard/pages/key_wizard_dialog.h"
#include "wizard/widgets/check_result_panel.h"
#include "wizard/widgets/key_entry_field.h"
#include "wizard/widgets/notice_box.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
PasteKeyPage::PasteKeyPage(KeyWizardDialog& wizard)
    : WizardPageBase(wizard, PageId::paste_key, main_column_dip) {
    const auto& content = page_content(PageId::paste_key, wizard.HostContent());
    wxWindow* parent = body();
    wxBoxSizer* main = left_column();
    add_paragraph(parent, main, translated(content.instruction), main_column_dip, "instruction");

    auto* label = new wxStaticText(parent, wxID_ANY, _("Your OpenAI API &key:"));
    label->SetFont(parent->GetFont().Bold());
    main->Add(label, 0, wxBOTTOM, FromDIP(4));
    key_field_ = new KeyEntryField(parent, main_column_dip);
    key_field_->SetLabelWindow(label);
    main->Add(key_field_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));

    check_panel_ = new KeyCheckPanel(
        parent, [this] { return MakeJob(); }, main_column_dip);
    main->Add(check_panel_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));

    // missing_scope: saving needs an explicit choice, next to the warning that explains it.
    scope_box_ =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "scope_box");
    {
        auto* box = new wxBoxSizer(wxVERTICAL);
        scope_warning_ = new NoticeBox(scope_box_, NoticeKind::warning, save_limited_warning({}),
                                       main_column_dip, "scope_warning");
        box->Add(scope_warning_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
        save_anyway_ = new wxCheckBox(scope_box_, wxID_ANY, _("Save this key &anyway"), wxDefaultPosition,
                                      wxDefaultSize, 0, wxDefaultValidator, "save_anyway");
        save_anyway_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateState(); });
        box->Add(save_anyway_, 0);
        scope_box_->SetSizer(box);
    }
    main->Add(scope_box_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));

    // The keyring cannot be used: the person chooses the plain-text file or not saving at all.
    storage_box_ =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "storage_box");
    {
        auto* box = new wxBoxSizer(wxVERTICAL);
        storage_notice_ =
            new NoticeBox(storage_box_, NoticeKind::warning, wxString(), main_column_dip, "storage_notice");
        box->Add(storage_notice_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
        storage_file_ = new wxRadioButton(storage_box_, wxID_ANY, _("Save it in a file readable only by you"),
                                          wxDefaultPosition, wxDefaultSize, wxRB_GROUP, wxDefaultValidator,
                                          "storage_file");
        storage_none_ = new wxRadioButton(storage_box_, wxID_ANY, _("Don't save the key"), wxDefaultPosition,
                                          wxDefaultSize, 0, wxDefaultValidator, "storage_none");
        for (auto* radio : {storage_file_, storage_none_}) {
            radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
                saved_current_input_ = false;
                UpdateState();
            });
            box->Add(radio, 0, wxBOTTOM, FromDIP(4));
        }
        storage_box_->SetSizer(box);
    }
    main->Add(storage_box_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));

    auto* save_row = new wxBoxSizer(wxHORIZONTAL);
    saving_activity_ =
        new wxActivityIndicator(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "saving_activity");
    save_status_ =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "save_status");
    save_row->Add(saving_activity_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    save_row->Add(save_status_, 1, wxALIGN_CENTER_VERTICAL);
    main->Add(save_row, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    save_error_ = new NoticeBox(parent, NoticeKind::danger, wxString(), main_column_dip, "save_error");
    main->Add(save_error_, 0, wxEXPAND | wxBOTTOM, FromDIP(10));

    advanced_ = new AdvancedEndpointPane(parent, main_column_dip);
    main->Add(advanced_, 0, wxEXPAND);

    add_steps(parent, right_column(), content.steps, aside_column_dip);
    add_notices(parent, right_column(), content.notices, aside_column_dip);
    add_links(parent, right_column(), content.links);

    Bind(EVT_KEY_ENTRY_CHANGED, [this](wxCommandEvent&) { OnInputChanged(); });
    // Enter tests the key; once it passed (and nothing changed since), Enter goes on like Next.
    Bind(EVT_KEY_ENTRY_SUBMIT, [this](wxCommandEvent&) {
        if (!GoOnIfTested()) {
            check_panel_->StartTest();
        }
    });
    // Enter on the result (where the focus lands after a test): on after a key that works, else back to the
    // key to fix it.
    Bind(EVT_RESULT_ACTIVATED, [this](wxCommandEvent&) {
        if (!GoOnIfTested()) {
            key_field_->SetFocusToField();
        }
    });
    Bind(EVT_ENDPOINT_FIELDS_CHANGED, [this](wxCommandEvent&) { OnInputChanged(); });
    Bind(EVT_KEY_CHECK_STATE, [this](wxCommandEvent&) { OnCheckStateChanged(); });
    Bind(wxEVT_WIZARD_PAGE_CHANGING, &PasteKeyPage::OnPageChanging, this);
    Bind(wxEVT_WIZARD_CANCEL, &PasteKeyPage::OnCancelRequested, this);
    Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent& event) {
        RefreshLayout();
        event.Skip();
    });

    scope_box_->Hide();
    storage_box_->Hide();
    save_error_->Hide();
    saving_activity_->Hide();
    FinishLayout();
    UpdateState();
}

// No CancelTest() here: it would send state events to a wizard that is being destroyed. The check panel's
// own destructor cancels and joins its worker without a word.
PasteKeyPage::~PasteKeyPage() {
    save_task_.cancel();
}

std::optional<KeyCheckJob> PasteKeyPage::MakeJob() {
    const auto& facts = wizard().StartFacts();
    if (!facts || key_field_->IsEmpty()) {
        return std::nullopt;
    }
    const Options options = CheckOptions();
    return make_key_check_job(wizard_check_request(options, facts->settings, key_field_->GetKeyText()),
                              options.generation_check);
}

Options PasteKeyPage::CheckOptions() const {
    return options_with_fields(wizard().Options().app, wizard().StartFacts()->resolved,
                               advanced_->GetFields());
}

bool PasteKeyPage::GoOnIfTested() {
    if (!CanGoForward()) {
        return false;
    }
    if (wxWindow* next = wizard().FindWindow(wxID_FORWARD)) {
        wxCommandEvent press(wxEVT_BUTTON, wxID_FORWARD);
        press.SetEventObject(next);
        next->GetEventHandler()->ProcessEvent(press);
    }
    return true;
}

bool PasteKeyPage::IsTesting() const {
    return check_panel_->IsTesting();
}

void PasteKeyPage::CancelTest() {
    check_panel_->CancelTest();
}

bool PasteKeyPage::HandleEscape() {
    if (!IsTesting()) {
        return false;
    }
    CancelTest();
    return true;
}

void PasteKeyPage::OnShown(bool /*forward*/) {
    const auto& environment_key = wizard().EnvironmentKey();
    if (wizard().Route().choice() == StartChoice::env_key && environment_key && !environment_key_applied_) {
        environment_key_applied_ = true;
        key_field_->SetKeyText(*environment_key);
        if (wizard().StartFacts()) {
            check_panel_->StartTest();
        } else {
            test_when_facts_known_ = true;
        }
    }
    key_field_->SetFocusToField();
}

void PasteKeyPage::OnStartFactsKnown() {
    const auto& facts = wizard().StartFacts();
    if (!facts) {
        return;
    }
    advanced_->SetFields(facts->resolved);
    UpdateStorageChoice();
    UpdateState();
    if (test_when_facts_known_) {
        test_when_facts_known_ = false;
        check_panel_->StartTest();
    }
}

void PasteKeyPage::OnInputChanged() {
    // What was tested (and saved) is no longer what is in the fields.
    saved_current_input_ = false;
    save_anyway_->SetValue(false);
    save_error_->Hide();
    check_panel_->Reset();
    UpdateState();
}

void PasteKeyPage::OnCheckStateChanged() {
    if (!check_panel_->GetOutcome()) {
        save_anyway_->SetValue(false);
    }
    UpdateState();
    if (check_panel_->GetOutcome()) {
        // The result is seen, even when an open Advanced pane had pushed it below the fold.
        ScrollIntoView(check_panel_->FindWindow("check_result"));
    }
}

bool PasteKeyPage::TestedOkToSave() const {
    const auto outcome = check_panel_->GetOutcome();
    if (!outcome) {
        return false;
    }
    if (outcome->status == net::KeyStatus::valid) {
        return true;
    }
    return outcome->reason == net::Reason::missing_scope && save_anyway_->GetValue();
}

bool PasteKeyPage::WantsFile() const {
    return storage_box_->IsShown() && storage_file_->GetValue();
}

bool PasteKeyPage::DeclinedSaving() const {
    return storage_box_->IsShown() && storage_none_->GetValue();
}

bool PasteKeyPage::CanGoForward() const {
    if (IsSaving() || IsTesting() || !wizard().StartFacts() || !TestedOkToSave()) {
        return false;
    }
    const bool keyring_usable = !wizard().StartFacts()->keyring_problem.has_value();
    return keyring_usable || WantsFile() || DeclinedSaving();
}

void PasteKeyPage::OnPageChanging(wxWizardEvent& event) {
    if (!event.GetDirection()) {
        if (IsSaving()) {
            event.Veto();
            return;
        }
        CancelTest();  // going back: a test of this page's key is no longer wanted
        return;
    }
    if (!CanGoForward()) {
        event.Veto();
        return;
    }
    if (DeclinedSaving()) {
        wizard().SetSavedKey(std::nullopt);
        return;
    }
    if (saved_current_input_) {
        return;
    }
    // Save first; the page changes once the key is stored (OnSaved), or stays with the reason it was not.
    event.Veto();
    StartSaving();
}

void PasteKeyPage::OnCancelRequested(wxWizardEvent& event) {
    if (IsSaving()) {
        event.Veto();  // a save takes a moment; closing now could leave the person unsure what happened
        return;
    }
    CancelTest();
    event.Skip();
}

void PasteKeyPage::StartSaving() {
    SaveKeyRequest request;
    request.app = CheckOptions();
    request.key = key_field_->GetLint().key;
    request.backend = WantsFile() ? settings::SecretBackend::file : settings::SecretBackend::keyring;
    request.tested = *check_panel_->GetOutcome();
    // Any edit of the key or the fields clears the test, so the fields now are the ones it was made with.
    request.tested_base_url =
        wizard_check_request(request.app, wizard().StartFacts()->settings, {}).endpoint.base_url;
    save_error_->Hide();
    save_status_->SetLabelText(tr_utf8("Saving the key…"));
    saving_activity_->Show();
    saving_activity_->Start();
    save_task_.start<SaveKeyResult>(
        [request](const net::CancelTokenPtr&) { return save_tested_key(request); },
        [this](SaveKeyResult result) { OnSaved(result); },
        [this](std::string what) { ShowSaveError(wxString::FromUTF8(what)); });
    UpdateState();
}

void PasteKeyPage::OnSaved(const SaveKeyResult& result) {
    saving_activity_->Stop();
    saving_activity_->Hide();
    save_status_->SetLabelText(wxString());
    if (!result.status.ok) {
        if (result.backend == settings::SecretBackend::keyring) {
            // The keyring failed after all: offer the file, as when it was unavailable from the start.
            wizard().NoteKeyringProblem(result.status.message);
        }
        ShowSaveError(wxString::Format(_("The key was not saved: %s"), person_words(result.status.message)));
        return;
    }
    saved_current_input_ = true;
    wizard().SetSavedKey(result, key_field_->GetLint().key);
    UpdateState();
    wizard().ShowPage(GetNext(), true);
}

void PasteKeyPage::ShowSaveError(const wxString& message) {
    saving_activity_->Stop();
    saving_activity_->Hide();
    save_status_->SetLabelText(wxString());
    save_error_->SetNotice(NoticeKind::danger, message);
    save_error_->Show();
    UpdateState();
}

void PasteKeyPage::UpdateStorageChoice() {
    const auto& facts = wizard().StartFacts();
    const bool ask = facts && facts->keyring_problem.has_value();
    if (ask) {
        storage_notice_->SetNotice(
            NoticeKind::warning,
            wxString::Format(_("The system keyring cannot be used (%s). You can save the key in a plain-text "
                               "file that only you can read, or not save it at all."),
                             person_words(*facts->keyring_problem)));
        storage_file_->SetLabel(wxString::Format(_("Save it in a file readable only by you (plain text): %s"),
                                                 wxString::FromUTF8(facts->file_location)));
    }
    storage_box_->Show(ask);
}

void PasteKeyPage::UpdateState() {
    const auto outcome = check_panel_->GetOutcome();
    const bool scope = outcome && outcome->reason == net::Reason::missing_scope;
    if (scope) {
        scope_warning_->SetNotice(NoticeKind::warning, save_limited_warning(*outcome));
    }
    scope_box_->Show(scope);
    check_panel_->SetTestAllowed(wizard().StartFacts().has_value() && !key_field_->IsEmpty() && !IsSaving());
    key_field_->Enable(!IsSaving());
    advanced_->Enable(!IsSaving());
    RefreshLayout();
}

}  // namespace keywizard::ui
