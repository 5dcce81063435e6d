#include "wizard/pages/content_view.h"

#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <exception>
#include <map>

#include "wizard/widgets/link_opener.h"
#include "wizard/widgets/notice_box.h"
#include "wizard/widgets/readable_colours.h"
#include "wizard/widgets/wrapped_text.h"

namespace keywizard::ui {
namespace {

NoticeKind notice_kind(content::NoticeKind kind) {
    switch (kind) {
        case content::NoticeKind::warning:
            return NoticeKind::warning;
        case content::NoticeKind::danger:
            return NoticeKind::danger;
        case content::NoticeKind::success:
            return NoticeKind::success;
        case content::NoticeKind::info:
            break;
    }
    return NoticeKind::info;
}

}  // namespace

const content::PageContent& page_content(PageId page, const content::WizardContent* host) {
    const std::string id(page_content_id(page));
    if (host != nullptr) {
        if (const auto* found = host->page(id)) {
            return *found;
        }
    }
    try {
        if (const auto* found = content::wizard_content().page(id)) {
            return *found;
        }
    } catch (const std::exception&) {
        // Falls through to the stand-in.
    }
    static std::map<std::string, content::PageContent> stand_ins;
    auto& stand_in = stand_ins[id];
    stand_in.id = id;
    stand_in.title = id;
    return stand_in;
}

wxString translated(const std::string& utf8) {
    return wxGetTranslation(wxString::FromUTF8(utf8));
}

wxStaticText* add_title(wxWindow* parent, wxSizer* sizer, const wxString& title) {
    // The font before the text: GTK measures the label again at each change, and an empty one is quick.
    // From the parent's font: a label's own default makes GTK build a label to look at.
    auto* text =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "page_title");
    text->SetFont(parent->GetFont().Bold().Scaled(1.35f));
    text->SetLabelText(title);
    sizer->Add(text, 0, wxBOTTOM, parent->FromDIP(10));
    return text;
}

wxStaticText* add_paragraph(wxWindow* parent, wxSizer* sizer, const wxString& text, int width_dip,
                            const wxString& name) {
    auto* label = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    set_wrapped_text(label, text, parent->FromDIP(width_dip));
    sizer->Add(label, 0, wxBOTTOM, parent->FromDIP(10));
    return label;
}

void add_steps(wxWindow* parent, wxSizer* sizer, const std::vector<std::string>& steps, int width_dip) {
    if (steps.empty()) {
        return;
    }
    auto* grid = new wxFlexGridSizer(2, parent->FromDIP(5), parent->FromDIP(6));
    const int number_width_dip = 22;
    const wxFont bold = parent->GetFont().Bold();
    int index = 0;
    for (const auto& step : steps) {
        ++index;
        auto* number =
            new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition,
                             parent->FromDIP(wxSize(number_width_dip, -1)), wxALIGN_RIGHT, "step_number");
        number->SetFont(bold);  // before the text, as in add_title
        number->SetLabel(wxString::Format("%d.", index));
        auto* text =
            new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "step");
        set_wrapped_text(text, translated(step), parent->FromDIP(width_dip - number_width_dip - 6));
        grid->Add(number, 0, wxALIGN_TOP);
        grid->Add(text, 0, wxALIGN_TOP);
    }
    sizer->Add(grid, 0, wxBOTTOM, parent->FromDIP(12));
}

void add_links(wxWindow* parent, wxSizer* sizer, const std::vector<content::Link>& links) {
    for (const auto& link : links) {
        auto* control =
            new wxHyperlinkCtrl(parent, wxID_ANY, translated(link.label), wxString::FromUTF8(link.url),
                                wxDefaultPosition, wxDefaultSize, wxHL_DEFAULT_STYLE, "page_link");
        control->SetToolTip(wxString::FromUTF8(link.url));
        make_link_readable(control);
        open_with_fallback(control);
        sizer->Add(control, 0, wxBOTTOM, parent->FromDIP(4));
    }
    if (!links.empty()) {
        sizer->AddSpacer(parent->FromDIP(8));
    }
}

void add_notices(wxWindow* parent, wxSizer* sizer, const std::vector<content::Notice>& notices,
                 int width_dip) {
    for (const auto& notice : notices) {
        auto* box = new NoticeBox(parent, notice_kind(notice.kind), translated(notice.text), width_dip,
                                  "page_notice");
        sizer->Add(box, 0, wxEXPAND | wxBOTTOM, parent->FromDIP(8));
    }
}

}  // namespace keywizard::ui
