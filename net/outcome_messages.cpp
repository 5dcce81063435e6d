#include "net/outcome_messages.h"

#include <string>

#include "net/reason_table.h"

namespace keywizard::net {
namespace {

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
    const std::string translated = wording.tr(reason_row(outcome.reason).message);
    const std::string_view text = translated;
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out += text.substr(at);
            break;
        }
        out += text.substr(at, open - at);
        const std::string_view name = text.substr(open + 1, close - open - 1);
        if (name == "http") {
            out += outcome.http_status ? " (HTTP " + std::to_string(*outcome.http_status) + ")" : "";
        } else if (name == "models") {
            out += models_text(outcome.model_count, wording);
        } else if (name == "missing") {
            out += missing_text(outcome.missing_models, wording);
        }
        at = close + 1;
    }
    return out;
}

}  // namespace

std::string_view remedy_url_for(Reason reason) {
    return reason_row(reason).remedy_url;
}

std::string person_message(const KeyCheckOutcome& outcome, const Wording& wording) {
    if (outcome.message == message_for(outcome)) {
        return message_for(outcome, wording);
    }
    return wording.tr(outcome.message);
}

void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation) {
    outcome.message = explanation.empty() ? message_for(outcome) : std::string(explanation);
    outcome.remedy_url = std::string(remedy_url_for(outcome.reason));
}

}  // namespace keywizard::net
