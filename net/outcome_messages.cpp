#include "net/outcome_messages.h"

#include <string>

#include "net/reason_table.h"

namespace keywizard::net {
std::string models_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " model" : " models");
}

namespace {

std::string missing_text(const std::vector<std::string>& models) {
    std::string out = models.size() == 1 ? "model " : "models ";
    for (std::size_t i = 0; i < models.size(); ++i) {
        out += (i == 0 ? "" : ", ") + models[i];
    }
    return out;
}

// The row's message with its {placeholders} filled in from what the outcome already knows.
std::string message_for(const KeyCheckOutcome& outcome) {
    const std::string_view text = reason_row(outcome.reason).message;
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
            out += models_text(outcome.model_count);
        } else if (name == "missing") {
            out += missing_text(outcome.missing_models);
        }
        at = close + 1;
    }
    return out;
}

}  // namespace

std::string_view remedy_url_for(Reason reason) {
    return reason_row(reason).remedy_url;
}

void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation) {
    outcome.message = explanation.empty() ? message_for(outcome) : std::string(explanation);
    outcome.remedy_url = std::string(remedy_url_for(outcome.reason));
}

}  // namespace keywizard::net
