#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace keywizard::ui {

// The wizard's pages, in the order of the longest path. Ids match the content file's page ids.
enum class PageId { start, create_account, open_api_keys, create_key, paste_key, done };

// Every page, in that order.
inline constexpr PageId every_page[] = {PageId::start,      PageId::create_account, PageId::open_api_keys,
                                        PageId::create_key, PageId::paste_key,      PageId::done};

std::string_view page_content_id(PageId page);  // "start", "create_account", ...

// Where the person said they are on the start page.
enum class StartChoice {
    need_account,  // start, create_account, open_api_keys, create_key, paste_key, done
    have_account,  // start, open_api_keys, create_key, paste_key, done
    have_key,      // start, paste_key, done
    env_key,       // start, paste_key (prefilled from OPENAI_API_KEY and tested at once), done
};

// The path through the pages for the current choice. Back follows it backwards, so it always returns along
// the path taken, whichever page the person skipped to. No wx: a plain value the tests can walk.
class WizardRoute {
  public:
    explicit WizardRoute(StartChoice choice = StartChoice::need_account) { choose(choice); }

    void choose(StartChoice choice);
    StartChoice choice() const { return choice_; }
    const std::vector<PageId>& pages() const { return pages_; }

    // Neighbours on the path; nullopt at either end or for a page not on it.
    std::optional<PageId> next(PageId page) const;
    std::optional<PageId> prev(PageId page) const;
    bool contains(PageId page) const;

  private:
    StartChoice choice_ = StartChoice::need_account;
    std::vector<PageId> pages_;
};

}  // namespace keywizard::ui
