// classify_generation_response: what one answer to the generation probe says about the key. Pure: no I/O.
// The public evidence for each row is in docs/generation_probe.md.
#include <string>

#include "net/ascii.h"
#include "net/check_outcome.h"
#include "net/generation_probe.h"
#include "net/json.h"
#include "net/phrase.h"
#include "net/server_text.h"

// Marks English text for the catalog (xgettext --keyword=N_); the windows and the command line translate
// it where they show it. The stored and --json text stays English.
#define N_(text) text

namespace keywizard::net {
namespace {

constexpr std::string_view api_keys_page = "https://platform.openai.com/api-keys";

bool is_chat_completion(std::string_view body) {
    const auto document = parse_untrusted_json(body);
    if (!document.is_object() || !document.contains("choices") || !document["choices"].is_array()) {
        return false;
    }
    // Servers that imitate the API sometimes leave `object` out; when it is there it must be right.
    const auto object = document.find("object");
    return object == document.end() ||
           (object->is_string() && object->get<std::string>() == "chat.completion");
}

bool missing_scope(const std::optional<ApiError>& error, std::string_view text) {
    return (error && (error->code == "missing_scope" || error->type == "missing_scope")) ||
           ascii::contains_ignoring_case(text, "Missing scopes");
}

// "The model `x` does not exist or you do not have access to it." (404) and "Project `proj_…` does not
// have access to model `x`" (403), both with code model_not_found.
bool model_refused(const std::optional<ApiError>& error, std::string_view text) {
    return (error && error->code == "model_not_found") ||
           ascii::contains_ignoring_case(text, "does not have access to model") ||
           (ascii::contains_ignoring_case(text, "model") &&
            ascii::contains_ignoring_case(text, "does not exist"));
}

GenerationResult verdict(Reason reason, std::string message, std::string remedy_url = {}) {
    GenerationResult result;
    result.reason = reason;
    result.status = status_of(reason);
    result.message = std::move(message);
    result.remedy_url = remedy_url.empty() ? std::string(remedy_url_for(reason)) : std::move(remedy_url);
    return result;
}

GenerationResult classify_answer(const HttpResponse& response, const std::string& model) {
    const long status = response.status;
    const std::string can_write = fill(generation_can_write, {{"model", model}});
    if (status == 200) {
        if (is_chat_completion(response.body)) {
            return verdict(Reason::ok, can_write);
        }
        GenerationResult result = verdict(
            Reason::unexpected_response,
            N_("The server answered the test request (HTTP 200) with something that is not a chat "
               "completion, so whether the key can write text is not known. Is the base URL an OpenAI API?"));
        result.detail = excerpt_of_body(response.body);
        return result;
    }

    const std::optional<ApiError> error = parse_api_error(response.body);
    const std::string_view text = error ? std::string_view(error->message) : std::string_view(response.body);
    const std::string detail =
        error ? displayable_server_text(error->message) : excerpt_of_body(response.body);
    GenerationResult result;
    if ((status == 401 || status == 403) && missing_scope(error, text)) {
        result = verdict(
            Reason::missing_scope,
            N_("The key can list models but cannot write text: it is read-only, or restricted without "
               "permission to make requests (missing scope model.request). On the API keys page, "
               "edit the key's permissions to All, or to Restricted with Models: Read and Model "
               "capabilities: Request, or create a new key with those permissions."),
            std::string(api_keys_page));
    } else if ((status == 400 || status == 403 || status == 404) && error && model_refused(error, text)) {
        result = verdict(
            Reason::model_not_allowed,
            fill(generation_model_not_allowed, {{"model", model}, {"status", std::to_string(status)}}));
    } else if (status == 400 && error) {
        // Authentication, scopes and quota are checked before the body is read: an API that complains
        // about a parameter has accepted the key for generation.
        result = verdict(Reason::ok, fill(generation_can_write_refused_detail, {{"model", model}}));
    } else if (status == 404) {
        result =
            verdict(Reason::not_found,
                    N_("There is no chat completions endpoint at this address (HTTP 404), so whether the key "
                       "can write text is not known. Is the base URL an OpenAI API?"));
    } else if (status == 429 && error &&
               (error->code == "insufficient_quota" || error->type == "insufficient_quota" ||
                ascii::contains_ignoring_case(text, "exceeded your current quota"))) {
        result =
            verdict(Reason::insufficient_quota,
                    N_("The key can list models, but the account has no credit left (quota exceeded), so it "
                       "cannot write text. Add credit on the billing page."));
    } else {
        return {};  // the models check's rows apply (invalid key, region, rate limit, 5xx, redirects...)
    }
    result.detail = detail;
    return result;
}

}  // namespace

GenerationResult classify_generation_response(const HttpResponse& response, const std::string& model) {
    GenerationResult result;
    if (response.error == Reason::ok) {
        result = classify_answer(response, model);
    }
    if (result.message.empty()) {
        // Everything the probe has no row of its own for reads as it would for GET /models.
        const KeyCheckOutcome as_models = classify_models_response(response, {});
        result.reason = as_models.reason;
        result.status = as_models.status;
        result.message = as_models.message;
        result.remedy_url = as_models.remedy_url;
        result.detail = as_models.detail;
    }
    result.checked = true;
    result.model = model;
    if (response.status > 0) {
        result.http_status = response.status;
    }
    if (const auto id = response.header("x-request-id")) {
        result.request_id = displayable_server_text(*id, 200, Redaction::sk_only);
    }
    return result;
}

}  // namespace keywizard::net
