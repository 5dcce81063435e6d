#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

// The wizard's words and pictures, parsed from the embedded content file (images/wizard_content.json) into
// plain structs, so the UI never parses JSON and a step's text or picture changes without code changes.
namespace keywizard::content {

enum class NoticeKind { info, warning, danger, success };

struct Link {
    std::string label;
    std::string url;
};

struct Notice {
    NoticeKind kind = NoticeKind::info;
    std::string text;
};

struct Illustration {
    std::string name;  // e.g. "openai_03_api_keys": selects the embedded PNGs
    std::string caption;
};

struct PageContent {
    std::string id;  // start, create_account, open_api_keys, create_key, paste_key, done
    std::string title;
    std::string instruction;
    std::vector<std::string> steps;  // numbered sub-steps
    std::vector<Link> links;
    std::vector<Notice> notices;
    std::vector<Illustration> images;
};

struct WizardContent {
    std::vector<PageContent> pages;
    const PageContent* page(std::string_view id) const;  // nullptr when absent
};

// Parsed once from the embedded file. Throws std::runtime_error if the build embedded a broken file
// (a test guards against that).
const WizardContent& wizard_content();

// Parses a content file's text: used by wizard_content() and by the tests. Throws std::runtime_error.
WizardContent parse_wizard_content(std::string_view json_text);

// Embedded bytes live for the whole program and are followed by a NUL that is not part of the span, so the
// SVG text can be handed to APIs that want a C string (wxBitmapBundle::FromSVG(const char*, size)).

// The width, in pixels at scale 1, that the build renders every illustration at (scale 2: twice that): the
// width the wizard shows them at (in DIP), so no picture is resampled at run time. The height follows each
// picture's aspect (16:10 for all of them). images/CMakeLists.txt reads the number from this line.
inline constexpr int illustration_width = 480;

// PNG bytes of an illustration rendered at scale 1 or 2 (illustration_width wide, or twice that); empty when
// there is no such picture.
std::span<const unsigned char> illustration_png(std::string_view name, int scale);

// The app icon as SVG (no text in it, so nanosvg can draw it at any size).
std::span<const unsigned char> app_icon_svg();

}  // namespace keywizard::content
