#include "cli/outcome_report.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/cli_text.h"

namespace keywizard::cli {
namespace {

const char* symbol_for(net::KeyStatus status) {
    switch (status) {
        case net::KeyStatus::valid:
            return "✓";
        case net::KeyStatus::rejected:
            return "✗";
        case net::KeyStatus::limited:
            return "!";
        case net::KeyStatus::unverified:
            return "?";
    }
    return "?";
}

const char* headline_for(net::KeyStatus status) {
    switch (status) {
        case net::KeyStatus::valid:
            return tr("Key works");
        case net::KeyStatus::rejected:
            return tr("Key rejected");
        case net::KeyStatus::limited:
            return tr("Key works only in part");
        case net::KeyStatus::unverified:
            break;
    }
    return tr("Could not check the key");
}

// "(401 invalid_api_key)", "(connect)": the reason code stays as it is in every language (scripts and
// searches use it).
std::string code_in_brackets(const net::KeyCheckOutcome& outcome) {
    std::string code = "(";
    if (outcome.http_status) {
        code += std::to_string(*outcome.http_status) + " ";
    }
    code += std::string(core::to_string(outcome.reason)) + ")";
    return code;
}

// "57 models, organization user-abc123. Billing is not checked." Each piece is a whole phrase with its
// value inside, so a language orders its own words.
std::string valid_summary(const net::KeyCheckOutcome& outcome) {
    const auto count = static_cast<unsigned long>(outcome.model_count);
    // TRANSLATORS: the start of "57 models, organization org-abc, project proj_x. Billing is not checked."
    std::string line = format(tr_plural("%lu model", "%lu models", count), count);
    if (!outcome.organization.empty()) {
        line += format(tr(", organization %s"), outcome.organization.c_str());
    }
    if (!outcome.project.empty()) {
        line += format(tr(", project %s"), outcome.project.c_str());
    }
    if (outcome.generation.checked) {
        return line + format(tr(". It can write text: %s accepted a test request."),
                             outcome.generation.model.c_str());
    }
    return line + tr(". Billing is not checked.");
}

nlohmann::ordered_json generation_json(const net::GenerationResult& generation) {
    nlohmann::ordered_json json;
    json["checked"] = generation.checked;
    auto optional_text = [](const std::string& text) {
        return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
    };
    json["model"] = optional_text(generation.model);
    json["status"] =
        generation.checked ? nlohmann::ordered_json(core::to_string(generation.status)) : nullptr;
    json["reason"] =
        generation.checked ? nlohmann::ordered_json(core::to_string(generation.reason)) : nullptr;
    json["http_status"] = generation.http_status ? nlohmann::ordered_json(*generation.http_status)
                                                 : nlohmann::ordered_json(nullptr);
    json["message"] = optional_text(generation.message);
    return json;
}

}  // namespace

std::string plain_report(const net::KeyCheckOutcome& outcome) {
    // A malformed key masks to a bare ellipsis, which would say nothing.
    const bool recognisable = outcome.masked_key.size() > std::string_view("…").size();
    std::string key = recognisable ? " (" + outcome.masked_key + ")" : "";
    std::string report =
        std::string(symbol_for(outcome.status)) + " " + headline_for(outcome.status) + key + ": ";
    if (outcome.status == net::KeyStatus::valid) {
        report += valid_summary(outcome) + "\n";
    } else {
        report += core::person_message(outcome, cli_wording()) + " " + code_in_brackets(outcome) + "\n";
        std::string second;
        if (!outcome.remedy_url.empty()) {
            second += "  " + format(tr("Fix it here: %s"), outcome.remedy_url.c_str());
        }
        if (!outcome.request_id.empty()) {
            second +=
                (second.empty() ? "  " : " · ") + format(tr("request id %s"), outcome.request_id.c_str());
        }
        if (!second.empty()) {
            report += second + "\n";
        }
    }
    return report;
}

std::string json_report(const net::KeyCheckOutcome& outcome) {
    nlohmann::ordered_json json;
    json["status"] = core::to_string(outcome.status);
    json["reason"] = core::to_string(outcome.reason);
    json["http_status"] = outcome.http_status ? nlohmann::ordered_json(*outcome.http_status) : nullptr;
    json["message"] = outcome.message;
    json["remedy_url"] = outcome.remedy_url.empty() ? nullptr : nlohmann::ordered_json(outcome.remedy_url);
    json["detail"] = outcome.detail.empty() ? nullptr : nlohmann::ordered_json(outcome.detail);
    auto optional_text = [](const std::string& text) {
        return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
    };
    json["request_id"] = optional_text(outcome.request_id);
    json["organization"] = optional_text(outcome.organization);
    json["project"] = optional_text(outcome.project);
    json["models"] = outcome.model_count;
    json["missing_models"] = outcome.missing_models;
    json["key"] = optional_text(outcome.masked_key);
    json["notes"] = outcome.notes;
    json["attempts"] = outcome.attempts;
    json["elapsed_ms"] = outcome.elapsed_ms;
    json["generation"] = generation_json(outcome.generation);
    // Added in 0.3: the real wait of a rate limit, and which limit ("tokens", "requests").
    json["retry_after_s"] = outcome.retry_after_s ? nlohmann::ordered_json(*outcome.retry_after_s) : nullptr;
    json["rate_limit"] = optional_text(outcome.rate_limit);
    // error_handler::replace: a server's message is not always valid UTF-8, and output must never throw.
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace keywizard::cli
