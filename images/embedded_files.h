#pragma once

#include <span>
#include <string_view>

// The files the build embeds (images/CMakeLists.txt): the content file, the rendered illustrations
// ("<name>@1x.png", "<name>@2x.png") and the app icon. Private to keywizard_content: others use
// wizard_content.h.
namespace keywizard::content::detail {

struct EmbeddedFile {
    std::string_view name;  // e.g. "wizard_content.json", "openai_03_api_keys@2x.png", "app_icon.svg"
    std::span<const unsigned char> bytes;
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace keywizard::content::detail
