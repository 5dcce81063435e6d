#include "net/check_outcome.h"

#include <string>
#include <vector>

#include "net/phrase.h"

// Marks English text for the catalog (xgettext --keyword=N_); it is translated where it is shown.
#define N_(text) text

namespace keywizard::net {

std::string_view to_string(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return "valid";
        case KeyStatus::rejected:
            return "rejected";
        case KeyStatus::limited:
            return "limited";
        case KeyStatus::unverified:
            return "unverified";
    }
    return "unverified";
}

std::string_view to_string(Reason reason) {
    return reason_row(reason).name;
}

std::optional<Reason> reason_named(std::string_view name) {
    for (int i = 0; i < static_cast<int>(Reason::count); ++i) {
        if (reason_row(static_cast<Reason>(i)).name == name) {
            return static_cast<Reason>(i);
        }
    }
    return std::nullopt;
}

KeyStatus status_of(Reason reason) {
    return reason_row(reason).status;
}

int exit_code_for(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return 0;
        case KeyStatus::rejected:
            return 2;
        case KeyStatus::limited:
            return 3;
        case KeyStatus::unverified:
            return 4;
    }
    return 4;
}

namespace {

// The limits a 429 names, as {limit} in outcome_messages.def: marked here for the catalog, translated where
// shown.
[[maybe_unused]] constexpr std::string_view rate_limit_names[] = {
    N_("tokens per minute"), N_("requests per minute"), N_("tokens per day"), N_("requests per day")};

// not_checked_note, for xgettext (the header cannot define N_: glib does too).
[[maybe_unused]] constexpr std::string_view not_checked_note_marked =
    N_("Billing and credit are not checked, nor permission to generate: listing models is free and a "
       "read-only key can do it.");
static_assert(not_checked_note_marked == not_checked_note);

const std::string_view formats[] = {
#define KEYWIZARD_FORMAT(name, text) name,
#include "net/outcome_messages.def"
#undef KEYWIZARD_FORMAT
};

// The catalog's text replaces one printf-style placeholder; msgfmt --check keeps it in every translation.
std::string fill_in(std::string text, std::string_view placeholder, const std::string& value) {
    if (const auto at = text.find(placeholder); at != std::string::npos) {
        text.replace(at, placeholder.size(), value);
    }
    return text;
}

}  // namespace

const Wording& english_wording() {
    static const Wording english{
        [](std::string_view english) { return std::string(english); },
        [](std::string_view one, std::string_view many, unsigned long n) {
            return std::string(n == 1 ? one : many);
        },
    };
    return english;
}

std::string models_text(std::size_t count, const Wording& wording) {
    return fill_in(wording.tr_plural("%lu model", "%lu models", count), "%lu", std::to_string(count));
}

namespace {

std::string missing_text(const std::vector<std::string>& models, const Wording& wording) {
    std::string names;
    for (std::size_t i = 0; i < models.size(); ++i) {
        names += (i == 0 ? "" : ", ") + models[i];
    }
    return fill_in(wording.tr_plural("model %s", "models %s", models.size()), "%s", names);
}

// The row's message, in the wording's language, with its {placeholders} filled in from what the outcome
// already knows.
std::string message_for(const KeyCheckOutcome& outcome, const Wording& wording = english_wording()) {
    const std::string http =
        outcome.http_status ? " (HTTP " + std::to_string(*outcome.http_status) + ")" : std::string();
    return fill(wording.tr(reason_row(outcome.reason).message),
                {{"http", http},
                 {"models", models_text(outcome.model_count, wording)},
                 {"missing", missing_text(outcome.missing_models, wording)}});
}

}  // namespace

std::string_view remedy_url_for(Reason reason) {
    return reason_row(reason).remedy_url;
}

std::span<const std::string_view> message_formats() {
    return formats;
}

namespace {

// "57 models" as models_text() wrote it in English: the count.
std::optional<std::size_t> count_of_models(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    const std::string_view rest = text.substr(digits);
    if (digits == 0 || digits > 9 || (rest != " model" && rest != " models")) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(std::stoul(std::string(text.substr(0, digits))));
}

std::string in_words_at(std::string_view english, std::span<const std::string_view> formats,
                        const Wording& wording, int depth) {
    if (depth > 0) {
        if (const auto count = count_of_models(english)) {
            return models_text(*count, wording);
        }
    }
    if (depth < 4) {
        // Where several formats match ("Saved the key in {location}" also matches "Saved the key in X; the
        // key was not saved"), the one whose own words cover the most of the text is the one it was written
        // from.
        std::string_view best;
        std::vector<std::pair<std::string, std::string>> best_values;
        std::size_t best_literal = 0;
        for (const std::string_view format : formats) {
            if (format.find('{') == std::string_view::npos) {
                continue;
            }
            if (auto values = values_in(format, english)) {
                std::size_t literal = english.size();
                for (const auto& value : *values) {
                    literal -= value.second.size();
                }
                if (best.empty() || literal > best_literal) {
                    best = format;
                    best_values = std::move(*values);
                    best_literal = literal;
                }
            }
        }
        if (!best.empty()) {
            // Each value in the person's words too (a value may itself be a message: "{problem}; ...").
            std::vector<std::string> in_language;
            in_language.reserve(best_values.size());  // the fill-ins point into it
            std::vector<FillIn> values;
            for (const auto& [name, value] : best_values) {
                values.push_back(
                    {name, in_language.emplace_back(in_words_at(value, formats, wording, depth + 1))});
            }
            return fill(wording.tr(best), values);
        }
    }
    return depth > 0 && english.find(' ') == std::string_view::npos ? std::string(english)
                                                                    : wording.tr(english);
}

}  // namespace

std::string in_words(std::string_view english, std::span<const std::string_view> formats,
                     const Wording& wording) {
    return in_words_at(english, formats, wording, 0);
}

std::string person_message(const KeyCheckOutcome& outcome, const Wording& wording) {
    if (outcome.message == message_for(outcome)) {
        return message_for(outcome, wording);
    }
    return in_words(outcome.message, formats, wording);
}

void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation) {
    outcome.message = explanation.empty() ? message_for(outcome) : std::string(explanation);
    outcome.remedy_url = std::string(remedy_url_for(outcome.reason));
}

}  // namespace keywizard::net
