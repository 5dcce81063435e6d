#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "images/wizard_content.h"

namespace keywizard::ui {

// A host's own words and pictures for the wizard (Options::content_file): a file in the format of
// images/wizard_content.json. Pages it lists replace keywizard's; pages it leaves out keep keywizard's. A
// picture named NAME in it is read from NAME.png next to the file when that exists (any size: it is
// scaled to the picture column), else it is keywizard's own picture of that name.
struct HostContent {
    content::WizardContent content;
    std::string problem;  // why the file was not used, for a person; empty when it was
};

// Bounded and regular files only (as settings.json is read); empty content with `problem` when the file
// cannot be read or parsed, names a page the wizard does not have, or a picture that is neither next to it
// nor keywizard's: the wizard then shows keywizard's own content (docs/content_file.md).
HostContent load_host_content(const std::filesystem::path& file);

}  // namespace keywizard::ui
