#include "wizard/pages/key_wizard_dialog.h"

#include <wx/button.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/toplevel.h>

#include <cstdio>
#include <cstdlib>

#include "core/rules.h"
#include "wizard/pages/content_view.h"
#include "wizard/pages/done_page.h"
#include "wizard/pages/guide_page.h"
#include "wizard/pages/paste_key_page.h"
#include "wizard/pages/start_page.h"

namespace keywizard::ui {
namespace {

std::optional<std::string> environment_key() {
    const char* value = std::getenv("OPENAI_API_KEY");
    if (value == nullptr) {
        return std::nullopt;
    }
    const std::string text(value);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return std::nullopt;
    }
    return text;
}

// Every page's size: the widest page's columns (text or the paste page's main column, the gap, a picture or
// the paste page's aside) with room for a scroll bar, and the height the tallest page had at 100 %.
const wxSize page_size_dip(text_column_dip + column_gap_dip + picture_column_dip + 16, 560);

// "Writer: set up your OpenAI API key"; keywizard's own wizard keeps the plain title.
wxString WizardTitle(const Options& app) {
    if (app.app_name.empty() || app.app_name == Options{}.app_name) {
        return _("Set up your OpenAI API key");
    }
    return wxString::Format(_("%s: set up your OpenAI API key"), wxString::FromUTF8(app.app_name));
}

}  // namespace

KeyWizardDialog::KeyWizardDialog(wxWindow* parent, const KeyWizardOptions& options)
    : wxWizard(parent, wxID_ANY, WizardTitle(options.app), wxBitmapBundle(), wxDefaultPosition,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      options_(options),
      environment_key_(environment_key()) {
    SetName("key_wizard");
    if (!options_.app.content_file.empty()) {
        host_content_ = load_host_content(options_.app.content_file);
        if (!host_content_->problem.empty()) {
            // The host's mistake, not the person's: keywizard's own words still get them through.
            std::fprintf(stderr, "keywizard: the content file is not used: %s\n",
                         host_content_->problem.c_str());
        }
    }
    // The host's icon: the wizard belongs to the app that opened it.
    if (auto* host = dynamic_cast<wxTopLevelWindow*>(wxGetTopLevelParent(parent)); host != nullptr) {
        SetIcons(host->GetIcons());
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    if (options_.start_at_paste) {
        route_.choose(StartChoice::have_key);  // a new key: not the environment's, which may be the old one
    } else if (environment_key_) {
        route_.choose(StartChoice::env_key);
    }

    // One size for every page, in DIPs, instead of building every page up front to measure the largest:
    // the pages' columns are fixed in DIPs and their bodies scroll, so nothing is cut off and nothing jumps.
    SetPageSize(FromDIP(page_size_dip));
    SetBorder(FromDIP(16));
    // Tab goes through the page first, then Back, Next, Cancel: wxWizard made its buttons (Next before Back)
    // before our pages (BuildPage puts each page before Back).
    wxWindow* back = FindWindow(wxID_BACKWARD);
    wxWindow* next = FindWindow(wxID_FORWARD);
    wxWindow* cancel = FindWindow(wxID_CANCEL);
    if (back != nullptr && next != nullptr && cancel != nullptr) {
        back->MoveBeforeInTabOrder(next);
        cancel->MoveAfterInTabOrder(next);
    }

    Bind(wxEVT_CHAR_HOOK, &KeyWizardDialog::OnCharHook, this);
    // The current page sees Cancel first (the paste page vetoes it while saving). Not skipped here on
    // purpose: wxWizard's own handler Destroy()s a modeless wizard on Cancel and Finish. Whoever shows it
    // modelessly (the tests, the screenshot tool) owns it and destroys it after reading Result(); a modal
    // one is ended by wxWizard as usual.
    Bind(wxEVT_WIZARD_CANCEL, [](wxWizardEvent&) {});
    Bind(wxEVT_WIZARD_FINISHED, [](wxWizardEvent&) {});
    Bind(wxEVT_WIZARD_PAGE_CHANGED, &KeyWizardDialog::OnPageChanged, this);
    for (const int button : {wxID_FORWARD, wxID_BACKWARD, wxID_CANCEL}) {
        Bind(wxEVT_UPDATE_UI, &KeyWizardDialog::OnUpdateButton, this, button);
    }
    ProbeStartFactsAfterFirstPaint();
}

KeyWizardDialog::~KeyWizardDialog() = default;

wxWizardPage* KeyWizardDialog::FirstPage() const {
    return PageFor(options_.start_at_paste ? PageId::paste_key : PageId::start);
}

WizardPageBase* KeyWizardDialog::PageFor(PageId page) const {
    if (const auto found = pages_.find(page); found != pages_.end()) {
        return found->second;
    }
    // Building a page changes what the wizard shows, not what it is: const for GetNext()/GetPrev().
    return const_cast<KeyWizardDialog*>(this)->BuildPage(page);
}

WizardPageBase* KeyWizardDialog::BuildPage(PageId id) {
    WizardPageBase* page = nullptr;
    switch (id) {
        case PageId::start:
            page = new StartPage(*this);
            break;
        case PageId::create_account:
        case PageId::open_api_keys:
        case PageId::create_key:
            page = new GuidePage(*this, id);
            break;
        case PageId::paste_key:
            page = new PasteKeyPage(*this);
            break;
        case PageId::done:
            page = new DonePage(*this);
            break;
    }
    pages_[id] = page;
    if (wxWindow* back = FindWindow(wxID_BACKWARD)) {
        page->MoveBeforeInTabOrder(back);
    }
    if (start_facts_) {
        page->OnStartFactsKnown();
    }
    return page;
}

bool KeyWizardDialog::HasNextPage(wxWizardPage* page) {
    const auto* ours = dynamic_cast<const WizardPageBase*>(page);
    return ours != nullptr && route_.next(ours->GetPageId()).has_value();
}

bool KeyWizardDialog::HasPrevPage(wxWizardPage* page) {
    const auto* ours = dynamic_cast<const WizardPageBase*>(page);
    return ours != nullptr && route_.prev(ours->GetPageId()).has_value();
}

std::optional<PageId> KeyWizardDialog::CurrentPageId() const {
    if (const auto* page = dynamic_cast<const WizardPageBase*>(GetCurrentPage())) {
        return page->GetPageId();
    }
    return std::nullopt;
}

void KeyWizardDialog::NoteKeyringProblem(const std::string& problem) {
    if (!start_facts_) {
        start_facts_.emplace();
    }
    start_facts_->keyring_problem = problem;
    NotifyStartFactsKnown();
}

void KeyWizardDialog::NotifyStartFactsKnown() {
    for (const auto& [id, page] : pages_) {
        page->OnStartFactsKnown();
    }
}

void KeyWizardDialog::SetSavedKey(std::optional<SaveKeyResult> saved, std::string key_text) {
    saved_ = std::move(saved);
    saved_key_text_ = saved_ ? std::move(key_text) : std::string();
}

KeyWizardResult KeyWizardDialog::Result() const {
    if (saved_ && saved_->status.ok) {
        return KeyWizardResult::saved;
    }
    return skipped_ ? KeyWizardResult::skipped : KeyWizardResult::cancelled;
}

void KeyWizardDialog::OnUpdateButton(wxUpdateUIEvent& event) {
    const auto* page = dynamic_cast<const WizardPageBase*>(GetCurrentPage());
    if (page == nullptr) {
        return;
    }
    switch (event.GetId()) {
        case wxID_FORWARD:
            event.Enable(page->CanGoForward());
            break;
        case wxID_BACKWARD:
            event.Enable(HasPrevPage(GetCurrentPage()) && page->CanGoBack());
            break;
        case wxID_CANCEL:
            event.Enable(page->CanCancel());
            break;
        default:
            event.Skip();
    }
}

void KeyWizardDialog::Start() {
    ShowPage(FirstPage(), true);
    Show();
}

void KeyWizardDialog::SkipForNow() {
    skip_task_.start<settings::StorageStatus>(
        [app = options_.app](const net::CancelTokenPtr&) { return record_first_run_skipped(app); },
        [this](settings::StorageStatus) {
            skipped_ = true;
            CloseWith(wxID_CANCEL);
        },
        [this](std::string) {
            skipped_ = true;
            CloseWith(wxID_CANCEL);
        });
}

// Nothing on the first page needs the facts (the paste page does, pages later): the page is painted before
// the keyring is asked. The probe's D-Bus connection and libsecret's loading run on the worker, but on a
// 2-core machine they still took about 12 ms from the first paint (docs/benchmarks.md).
void KeyWizardDialog::ProbeStartFactsAfterFirstPaint() {
    Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        event.Skip();
        if (!probe_started_) {
            CallAfter([this] { ProbeStartFacts(); });  // once the paint has been handled
        }
    });
    probe_fallback_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { ProbeStartFacts(); });
    probe_fallback_.StartOnce(250);
}

void KeyWizardDialog::ProbeStartFacts() {
    if (probe_started_) {
        return;
    }
    probe_started_ = true;
    probe_fallback_.Stop();
    probe_task_.start<WizardStartFacts>(
        [app = options_.app](const net::CancelTokenPtr&) { return probe_wizard_start(app); },
        [this](WizardStartFacts facts) {
            start_facts_ = std::move(facts);
            NotifyStartFactsKnown();
        },
        [this](std::string what) {
            NoteKeyringProblem(
                wxString::Format(_("it could not be reached: %s"), wxString::FromUTF8(what)).utf8_string());
        });
}

void KeyWizardDialog::OnCharHook(wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_ESCAPE) {
        if (auto* page = dynamic_cast<WizardPageBase*>(GetCurrentPage());
            page != nullptr && page->HandleEscape()) {
            return;  // Escape cancelled the test; a second Escape closes the wizard
        }
    }
    event.Skip();
}

void KeyWizardDialog::OnPageChanged(wxWizardEvent& event) {
    // Focus starts on Next, so Enter goes on; a page that wants the focus elsewhere (the key field) takes
    // it in OnShown. Otherwise GTK would put it on the first link, and Enter would open a browser.
    UpdateWindowUI(wxUPDATE_UI_RECURSE);  // the buttons as the new page wants them, before the next idle
    if (wxWindow* next = FindWindow(wxID_FORWARD); next != nullptr && next->IsEnabled()) {
        next->SetFocus();
    }
    if (auto* page = dynamic_cast<WizardPageBase*>(event.GetPage())) {
        page->OnShown(event.GetDirection());
    }
    event.Skip();
}

void KeyWizardDialog::CloseWith(int return_code) {
    if (IsModal()) {
        EndModal(return_code);
    } else {
        SetReturnCode(return_code);
        Hide();
    }
}

}  // namespace keywizard::ui
