#include "cli/cli_text.h"

#include <libintl.h>

#include <clocale>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/person_words.h"

namespace keywizard::cli {
namespace {

constexpr const char* text_domain = "keywizard";

}  // namespace

const char* tr(const char* english) {
    return dgettext(text_domain, english);
}

const char* tr_plural(const char* english_one, const char* english_many, unsigned long count) {
    return dngettext(text_domain, english_one, english_many, count);
}

const net::Wording& cli_wording() {
    static const net::Wording wording{
        [](std::string_view english) { return std::string(tr(std::string(english).c_str())); },
        [](std::string_view one, std::string_view many, unsigned long n) {
            return std::string(tr_plural(std::string(one).c_str(), std::string(many).c_str(), n));
        },
    };
    return wording;
}

std::string format(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    va_list measuring;
    va_copy(measuring, arguments);
    const int size = std::vsnprintf(nullptr, 0, format, measuring);
    va_end(measuring);
    std::string text;
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size) + 1);
        std::vsnprintf(text.data(), text.size(), format, arguments);
        text.resize(static_cast<std::size_t>(size));
    }
    va_end(arguments);
    return text;
}

void use_translations() {
    // Only the categories that say which words and characters to use: numbers and dates keep the C
    // locale's form, so nothing a script parses (--json, exit codes) depends on the person's settings.
    std::setlocale(LC_MESSAGES, "");
    if (std::setlocale(LC_CTYPE, "") == nullptr) {
        std::setlocale(LC_CTYPE, "C.UTF-8");
    }
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        // KEYWIZARD_LOCALE_FROM_BINDIR: the install's locale folder relative to its bin folder.
        const std::filesystem::path folder =
            (executable.parent_path() / KEYWIZARD_LOCALE_FROM_BINDIR).lexically_normal();
        bindtextdomain(text_domain, folder.c_str());
    }
    // The catalog is UTF-8 and so is every other line the command prints.
    bind_textdomain_codeset(text_domain, "UTF-8");
}

std::string person_words(const std::string& english) {
    return core::in_person_words(english, cli_wording());
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + core::printable_text(item);
    }
    return text;
}

}  // namespace keywizard::cli
