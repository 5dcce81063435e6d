#pragma once

#include <wx/wizard.h>

#include "wizard/pages/wizard_route.h"

class wxBoxSizer;
class wxScrolledWindow;
class wxStaticText;

namespace keywizard::ui {

class KeyWizardDialog;

// Common ground of the wizard's pages: the title above a scrolled body, Back/Next along the wizard's route,
// and the page's own say on whether Next or Back may be pressed now (wx samples/wizard: a page owns its
// validation). Subclasses fill body() and call FinishLayout().
class WizardPageBase : public wxWizardPage {
  public:
    // `left_width_dip`: the main column's width, fixed so the second column never shifts with the content.
    WizardPageBase(KeyWizardDialog& wizard, PageId id, int left_width_dip);

    PageId GetPageId() const { return id_; }

    wxWizardPage* GetPrev() const override;
    wxWizardPage* GetNext() const override;

    // Asked by the wizard's buttons in their wxEVT_UPDATE_UI: may Next, Back, Cancel be pressed now?
    virtual bool CanGoForward() const { return true; }
    virtual bool CanGoBack() const { return true; }
    virtual bool CanCancel() const { return true; }
    // Escape was pressed on this page: true when the page used it (e.g. to cancel a test).
    virtual bool HandleEscape() { return false; }
    // The page became the current one (wxEVT_WIZARD_PAGE_CHANGED).
    virtual void OnShown(bool /*forward*/) {}
    // The wizard learnt the settings and whether the keyring works (or learnt later that it does not).
    virtual void OnStartFactsKnown() {}

  protected:
    // The page is being shown for the first time (its wxEVT_SHOW, before it is painted): the place for work
    // that only matters once the page is seen, like decoding its pictures.
    virtual void OnFirstShow() {}

    KeyWizardDialog& wizard() const { return wizard_; }
    wxWindow* body() const;
    // Replaces the content file's title (the done page when nothing was saved).
    void SetPageTitle(const wxString& title);
    // The body is a row of a main column and, if it gets content, a second one (valid until FinishLayout).
    wxBoxSizer* left_column() const { return left_; }
    wxBoxSizer* right_column() const { return right_; }
    // Lays the body out once its content is in. The page has the wizard's fixed size; what does not fit
    // in its height scrolls.
    void FinishLayout();
    // After content changed size (a result appeared, a pane expanded).
    void RefreshLayout();
    // Scrolls the body so `child` is seen: its bottom if it fits, else its top.
    void ScrollIntoView(wxWindow* child);

  public:
    // How far the body is scrolled down, in pixels (for tests: a page opens at its top).
    int GetBodyScrollY() const;

  protected:
  private:
    void OnShowEvent(wxShowEvent& event);

    KeyWizardDialog& wizard_;
    PageId id_;
    bool shown_before_ = false;
    wxStaticText* title_ = nullptr;
    wxScrolledWindow* body_ = nullptr;
    wxBoxSizer* left_ = nullptr;
    wxBoxSizer* right_ = nullptr;
};

}  // namespace keywizard::ui
