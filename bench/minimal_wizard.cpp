// bench_minimal_wizard: the reference for "start to first wizard page painted". The least a wxWidgets
// program can do to show a wizard: a wxWizard with one simple page holding a line of text, run modally,
// ended right after the first paint the way `KEYWIZARD_TEST_HOOKS=quit-after-shown keywizard wizard` ends (an
// event filter that sees the first wxEVT_PAINT, then ends the modal loop and the main loop).
#include <wx/app.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wizard.h>

namespace {

class QuitAfterFirstPaint : public wxEventFilter {
  public:
    explicit QuitAfterFirstPaint(wxWizard*& wizard) : wizard_(wizard) {}

    int FilterEvent(wxEvent& event) override {
        if (!seen_ && event.GetEventType() == wxEVT_PAINT) {
            seen_ = true;
            wxTheApp->CallAfter([this] {
                if (wizard_ != nullptr && wizard_->IsModal()) {
                    wizard_->EndModal(wxID_CANCEL);
                }
            });
        }
        return Event_Skip;
    }

  private:
    wxWizard*& wizard_;
    bool seen_ = false;
};

class MinimalWizardApp : public wxApp {
  public:
    bool OnInit() override {
        AddFilter(&filter_);
        CallAfter([this] {
            wizard_ = new wxWizard(nullptr, wxID_ANY, "Minimal wizard");
            auto* page = new wxWizardPageSimple(wizard_);
            auto* sizer = new wxBoxSizer(wxVERTICAL);
            sizer->Add(new wxStaticText(page, wxID_ANY, "Welcome. This page is all there is."), 0, wxALL, 5);
            page->SetSizer(sizer);
            wizard_->GetPageAreaSizer()->Add(page);
            wizard_->RunWizard(page);
            wizard_->Destroy();
            wizard_ = nullptr;
            ExitMainLoop();
        });
        return true;
    }

    int OnExit() override {
        RemoveFilter(&filter_);
        return wxApp::OnExit();
    }

  private:
    wxWizard* wizard_ = nullptr;
    QuitAfterFirstPaint filter_{wizard_};
};

}  // namespace

wxIMPLEMENT_APP(MinimalWizardApp);
