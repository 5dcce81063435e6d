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

bool has_catalog(const std::string& locale_dir, const wxString& language) {
    if (locale_dir.empty() || language.empty()) {
        return false;
    }
    std::error_code error;
    return std::filesystem::exists(std::filesystem::path(locale_dir) / language.utf8_string() /
                                       "LC_MESSAGES" / (std::string(text_domain) + ".mo"),
                                   error);
}

bool is_source_language(const wxString& language) {
    return language == "en" || language.StartsWith("en_") || language.StartsWith("en.") ||
           language.StartsWith("en@");
}

// The language to show, decided from the environment alone, without listing every catalog on the machine
// (wx's way: 816 file lookups here, about 5 % of the first page's start).
struct LanguageChoice {
    bool source_language = false;  // English, the sources' language: no catalog to load, wx's words too
    wxString language;             // a language with a keywizard catalog; empty: wx's choice
};

// gettext's rule, which the command line follows too: LANGUAGE, a list such as "de_AT:de", names the
// languages in order of preference, unless the messages locale is plain C. wx reads LANGUAGE as well but
// keeps only the languages its own table knows, so a language it does not know (a new translation, the
// tests' pseudo-locale) would silently fall back to English: the first listed language that has a
// keywizard catalog is chosen here instead.
LanguageChoice language_from_environment(const std::string& locale_dir) {
    const char* messages_locale = std::setlocale(LC_MESSAGES, nullptr);
    if (messages_locale == nullptr || std::strcmp(messages_locale, "C") == 0 ||
        std::strcmp(messages_locale, "POSIX") == 0) {
        return {true, {}};
    }
    wxString listed;
    if (wxGetEnv("LANGUAGE", &listed) && !listed.empty()) {
        for (const wxString& language : wxSplit(listed, ':', '\0')) {
            if (is_source_language(language)) {
                return {true, {}};
            }
            if (has_catalog(locale_dir, language)) {
                return {false, language};
            }
            if (const wxString base = language.BeforeFirst('_');
                base != language && has_catalog(locale_dir, base)) {
                return {false, base};
            }
        }
    }
    // No listed language has a catalog: the messages locale itself ("de_DE.UTF-8"; "C.UTF-8" is C with UTF-8
    // characters). For any but English, wx chooses as before, its own words (Back, Next) included.
    const wxString locale_name = wxString::FromUTF8(messages_locale);
    return {is_source_language(locale_name) || locale_name.StartsWith("C."), {}};
}

}  // namespace

void UseUserLocaleWithUtf8() {
    wxUILocale::UseDefault();
    UseUtf8CharacterType();
}

void UseUtf8CharacterType() {
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
        // Nobody chose a language: the person's, from the environment. English needs no translations at all.
        const LanguageChoice choice = language_from_environment(locale_dir);
        if (choice.source_language) {
            return;
        }
        translations = new wxTranslations;
        wxTranslations::Set(translations);
        if (!choice.language.empty()) {
            translations->SetLanguage(choice.language);
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
