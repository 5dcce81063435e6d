#include "wizard/app/app_locale.h"

#include <dlfcn.h>
#include <langinfo.h>

#include <wx/arrstr.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

#include <clocale>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace keywizard::ui {
namespace {

constexpr const char* text_domain = "keywizard";

std::string locale_dir_next_to(const std::filesystem::path& file, const char* locale_from_file_dir) {
    if (file.empty()) {
        return {};
    }
    return (file.parent_path() / locale_from_file_dir).lexically_normal().string();
}

// gettext's rule, which the command line follows too: LANGUAGE, a list such as "de_AT:de", names the
// languages in order of preference, unless the messages locale is plain C. wx reads LANGUAGE as well but
// keeps only the languages its own table knows, so a language it does not know (a new translation, the
// tests' pseudo-locale) would silently fall back to English: the first listed language that has a
// keywizard catalog is chosen here instead.
wxString language_from_environment(const wxTranslations& translations) {
    const char* messages_locale = std::setlocale(LC_MESSAGES, nullptr);
    if (messages_locale == nullptr || std::strcmp(messages_locale, "C") == 0 ||
        std::strcmp(messages_locale, "POSIX") == 0) {
        return {};
    }
    wxString listed;
    if (!wxGetEnv("LANGUAGE", &listed) || listed.empty()) {
        return {};
    }
    const wxArrayString available = translations.GetAvailableTranslations(text_domain);
    for (const wxString& language : wxSplit(listed, ':', '\0')) {
        if (language.StartsWith("en")) {
            return {};  // the sources' language: nothing to load, and wx's own words stay English too
        }
        if (available.Index(language) != wxNOT_FOUND) {
            return language;
        }
    }
    return {};
}

}  // namespace

void UseUserLocaleWithUtf8() {
    wxUILocale::UseDefault();
    const char* codeset = nl_langinfo(CODESET);
    if (codeset != nullptr && std::strcmp(codeset, "UTF-8") == 0) {
        return;
    }
    for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
        if (std::setlocale(LC_CTYPE, name) != nullptr) {
            return;
        }
    }
}

void UseKeywizardTranslations(const std::string& locale_dir) {
    if (!locale_dir.empty()) {
        // A search path for every wxTranslations of the process; searched before wx's own prefix.
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(locale_dir));
    }
    wxTranslations* translations = wxTranslations::Get();
    if (translations == nullptr) {
        // Nobody chose a language: the default one (no SetLanguage) is the person's, from the environment.
        translations = new wxTranslations;
        wxTranslations::Set(translations);
        if (const wxString language = language_from_environment(*translations); !language.empty()) {
            translations->SetLanguage(language);
        }
    }
    if (!translations->IsLoaded("wxstd-3.2") && !translations->IsLoaded("wxstd")) {
        translations->AddStdCatalog();
    }
    if (!translations->IsLoaded(text_domain)) {
        // English is the language of the sources: no catalog is needed (or loaded) for it.
        translations->AddCatalog(text_domain, wxLANGUAGE_ENGLISH_US);
    }
}

std::string LocaleDirOfExecutable() {
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : locale_dir_next_to(executable, KEYWIZARD_LOCALE_FROM_BINDIR);
}

std::string LocaleDirOfLibrary() {
    Dl_info info{};
    // Any function of this file: it is linked into the library, so dladdr names the library's file (or the
    // executable's, where the code is linked statically, as in the tests).
    if (dladdr(reinterpret_cast<const void*>(&LocaleDirOfLibrary), &info) == 0 || info.dli_fname == nullptr) {
        return {};
    }
    std::error_code error;
    const std::filesystem::path file = std::filesystem::canonical(info.dli_fname, error);
    return error ? std::string() : locale_dir_next_to(file, KEYWIZARD_LOCALE_FROM_LIBDIR);
}

}  // namespace keywizard::ui
