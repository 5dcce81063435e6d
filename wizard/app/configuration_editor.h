#pragma once

#include <filesystem>

class wxWindow;

namespace keywizard::ui {

enum class EditorCategory {
    api_keys,  // "API Keys and Secrets"
    network,   // "Network"
};

// Settings -> Configuration Editor…: categories on the left, their fields on the right. Modal; closing it
// saves. A changed key is tested before it is saved, and a key that does not test valid is only saved when
// the person chooses so (missing_scope only). Changed network settings (base URL, organization, project,
// CA file, proxy) are tested with the stored key first, after asking when it would go to a new base URL;
// settings it does not pass with are only saved when the person chooses so. Returns true when something
// was written.
bool ShowConfigurationEditor(wxWindow* parent, const std::filesystem::path& config_dir,
                             EditorCategory first_category = EditorCategory::api_keys);

}  // namespace keywizard::ui
