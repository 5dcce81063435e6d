#pragma once
#include <keywizard/core.h>

class wxWindow;

// The host's settings dialog ("Configuration Editor"), modal. keywizard's API key panel is one of its pages:
// it saves by itself, so the dialog only has Close.
void ShowConfigurationEditor(wxWindow* parent, const keywizard::Options& options);
