#include "wizard/pages/wizard_route.h"

#include <algorithm>
#include <iterator>

namespace keywizard::ui {

std::string_view page_content_id(PageId page) {
    switch (page) {
        case PageId::start:
            return "start";
        case PageId::create_account:
            return "create_account";
        case PageId::open_api_keys:
            return "open_api_keys";
        case PageId::create_key:
            return "create_key";
        case PageId::paste_key:
            return "paste_key";
        case PageId::done:
            break;
    }
    return "done";
}

void WizardRoute::choose(StartChoice choice) {
    choice_ = choice;
    switch (choice) {
        case StartChoice::need_account:
            pages_.assign(std::begin(every_page), std::end(every_page));
            break;
        case StartChoice::have_account:
            pages_ = {PageId::start, PageId::open_api_keys, PageId::create_key, PageId::paste_key,
                      PageId::done};
            break;
        case StartChoice::have_key:
        case StartChoice::env_key:
            pages_ = {PageId::start, PageId::paste_key, PageId::done};
            break;
    }
}

bool WizardRoute::contains(PageId page) const {
    return std::find(pages_.begin(), pages_.end(), page) != pages_.end();
}

std::optional<PageId> WizardRoute::next(PageId page) const {
    const auto at = std::find(pages_.begin(), pages_.end(), page);
    if (at == pages_.end() || at + 1 == pages_.end()) {
        return std::nullopt;
    }
    return *(at + 1);
}

std::optional<PageId> WizardRoute::prev(PageId page) const {
    const auto at = std::find(pages_.begin(), pages_.end(), page);
    if (at == pages_.end() || at == pages_.begin()) {
        return std::nullopt;
    }
    return *(at - 1);
}

}  // namespace keywizard::ui
