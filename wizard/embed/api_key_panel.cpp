#include "wizard/embed/api_key_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "core/key_setup.h"
#include "wizard/app/editor_api_keys_page.h"
#include "wizard/app/endpoint_question.h"
#include "wizard/widgets/key_entry_field.h"
#include "wizard/widgets/translate.h"

namespace keywizard::ui {
namespace {

// What the panel reads when it opens (keyring calls: on the worker).
struct PanelLoad {
    settings::StoredKey stored;
    settings::AppSettings settings;
    std::optional<std::string> keyring_problem;
    std::string file_location;
};

PanelLoad load_panel(const Options& app) {
    settings::KeyStorage storage = core::open_storage(app);
    PanelLoad load;
    load.settings = storage.settings_file().load().settings;
    load.stored = storage.read_key();
    load.keyring_problem = storage.keyring_unavailable_reason();
    load.file_location = storage.location_of(settings::SecretBackend::file);
    return load;
}

}  // namespace

ApiKeyPanel::ApiKeyPanel(wxWindow* parent, Options app)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "api_key_panel"),
      app_(std::move(app)) {
    page_ = new EditorApiKeysPage(
        this,
        [this]() -> std::optional<KeyCheckJob> {
            if (busy_ || page_->GetKeyField()->IsEmpty()) {
                return std::nullopt;
            }
            return KeyFieldCheckJob(this, app_, settings_, stored_key_, page_->GetKeyField()->GetKeyText());
        },
        [this] { Forget(); },
        wxString::Format(_("The key %s sends to the OpenAI API. A changed key is tested before it is saved."),
                         wxString::FromUTF8(app_.app_name)));
    save_limited_ = new wxCheckBox(this, wxID_ANY, _("Save it although it can only do part of the work"),
                                   wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "save_limited");
    save_limited_->Hide();
    save_button_ = new wxButton(this, wxID_SAVE, _("&Save key"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "save_key_button");
    // The page keeps a 12 DIP margin inside; the checkbox and Save below it keep the same one, so in a
    // host's notebook nothing touches the page's border.
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(page_, wxSizerFlags(1).Expand());
    sizer->Add(save_limited_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    sizer->Add(save_button_, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(sizer);

    save_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    save_limited_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdateSaveButton(); });
    Bind(EVT_KEY_CHECK_STATE, [this](wxCommandEvent& event) {
        event.Skip();
        UpdateSaveButton();
    });
    // A changed key makes an old result meaningless (the check panel resets itself on Reset()).
    page_->GetKeyField()->Bind(EVT_KEY_ENTRY_CHANGED, [this](wxCommandEvent& event) {
        event.Skip();
        page_->GetCheckPanel()->Reset();
        UpdateSaveButton();
    });
    UpdateSaveButton();
    Load();
}

wxSize ApiKeyPanel::DoGetBestSize() const {
    wxSize best = wxPanel::DoGetBestSize();
    if (!save_limited_->IsShown()) {
        best.y += save_limited_->GetBestSize().y + FromDIP(12);
    }
    return best;
}

void ApiKeyPanel::Load() {
    busy_ = true;
    UpdateSaveButton();
    storage_task_.start<PanelLoad>(
        [app = app_](const net::CancelTokenPtr&) { return load_panel(app); },
        [this](PanelLoad load) {
            busy_ = false;
            settings_ = load.settings;
            keyring_problem_ = load.keyring_problem;
            file_location_ = load.file_location;
            const bool found = load.stored.state == settings::SecretReadState::found;
            stored_key_ = found ? load.stored.key : std::string();
            page_->GetKeyField()->SetKeyText(stored_key_);
            page_->GetCheckPanel()->Reset();
            page_->ShowStorage(wxString::FromUTF8(load.stored.location), found);
            if (!found && load.stored.state != settings::SecretReadState::not_found) {
                page_->ShowNotice(NoticeKind::warning, person_words(load.stored.message));
            }
            UpdateSaveButton();
        },
        [this](std::string problem) {
            busy_ = false;
            page_->ShowNotice(NoticeKind::danger, wxString::FromUTF8(problem));
        });
}

void ApiKeyPanel::UpdateSaveButton() {
    const auto outcome = page_->GetCheckPanel()->GetOutcome();
    const bool limited = outcome && outcome->reason == net::Reason::missing_scope;
    save_limited_->Show(limited);
    if (!limited) {
        save_limited_->SetValue(false);
    }
    const bool changed = page_->GetKeyField()->GetLint().key != stored_key_;
    const bool tested_ok = outcome && (outcome->status == net::KeyStatus::valid || save_limited_->GetValue());
    save_button_->Enable(!busy_ && changed && tested_ok);
    Layout();
}

void ApiKeyPanel::Save() {
    const auto outcome = page_->GetCheckPanel()->GetOutcome();
    if (!outcome) {
        return;
    }
    settings::SecretBackend backend = settings_.key_storage.value_or(settings::SecretBackend::keyring);
    if (backend == settings::SecretBackend::keyring && keyring_problem_) {
        wxMessageDialog ask(
            this,
            wxString::Format(_("The keyring cannot take the key: %s\n\nSave it in %s instead? "
                               "That file is plain text, readable only by you."),
                             person_words(*keyring_problem_), wxString::FromUTF8(file_location_)),
            _("Save the key"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        ask.SetYesNoLabels(_("Save to &file"), _("&Don't save"));
        if (ask.ShowModal() != wxID_YES) {
            return;
        }
        backend = settings::SecretBackend::file;
    }
    core::SaveRequest request;
    request.key = page_->GetKeyField()->GetLint().key;
    request.backend = backend;
    request.checked_base_url = core::check_request(app_, settings_, {}).endpoint.base_url;
    busy_ = true;
    UpdateSaveButton();
    storage_task_.start<settings::StorageStatus>(
        [app = app_, request, tested = *outcome](const net::CancelTokenPtr&) mutable {
            request.checked = &tested;
            return core::save(app, request);
        },
        [this](settings::StorageStatus status) {
            busy_ = false;
            page_->ShowNotice(
                status.ok ? NoticeKind::success : NoticeKind::danger,
                status.ok ? person_words(status.message)
                          : wxString::Format(_("The key was not saved: %s"), person_words(status.message)));
            if (status.ok) {
                Load();
            }
        },
        [this](std::string problem) {
            busy_ = false;
            page_->ShowNotice(NoticeKind::danger, wxString::FromUTF8(problem));
        });
}

void ApiKeyPanel::Forget() {
    wxMessageDialog ask(this, _("Remove the stored OpenAI API key from this computer?"), _("Forget key"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Forget key"), _("&Keep it"));
    if (ask.ShowModal() != wxID_YES) {
        return;
    }
    busy_ = true;
    storage_task_.start<settings::StorageStatus>(
        [app = app_](const net::CancelTokenPtr&) { return core::open_storage(app).forget_key(); },
        [this](settings::StorageStatus status) {
            busy_ = false;
            page_->ShowNotice(status.ok ? NoticeKind::info : NoticeKind::danger,
                              person_words(status.message));
            Load();
        },
        [this](std::string problem) {
            busy_ = false;
            page_->ShowNotice(NoticeKind::danger, wxString::FromUTF8(problem));
        });
}

}  // namespace keywizard::ui
