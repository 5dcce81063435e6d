#pragma once
// "Can this key write text?": the opt-in generation probe (docs/generation_probe.md). One
// `POST {base_url}/chat/completions` with the shortest input and a cap of probe_token_cap output tokens, sent
// only after a passing models check and only when asked for (KeyCheckRequest::generate). Never retried.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/check_outcome.h"
#include "net/http_client.h"
#include "net/models_check.h"

namespace keywizard::net {

// max_completion_tokens of the probe: an answer of a word or two fits, and a reasoning model that spends its
// budget thinking still answers 200 (finish_reason "length"), which is all the probe needs.
inline constexpr int probe_token_cap = 16;

// Cheapest first: the models the probe tries when the host named none, in order (docs/generation_probe.md).
const std::vector<std::string_view>& probe_model_preferences();

// `configured` when not empty (the app's model: the one that has to work), else the first preferred model
// the list showed, else nothing.
std::optional<std::string> choose_probe_model(const std::string& configured,
                                              const std::vector<std::string>& listed_models);

// {"model":...,"messages":[{"role":"user","content":"Say OK"}],"max_completion_tokens":16}
std::string probe_request_body(const std::string& model);

// Pure: one answer to the probe (or its transport failure) as a verdict. No I/O.
GenerationResult classify_generation_response(const HttpResponse& response, const std::string& model);

// After ask_for_models: when `outcome` is valid, chooses the model, sends the one POST and folds the answer
// in (combine_generation), over `session`: the connection the models check opened, when it is still open.
// Otherwise leaves `outcome` as it is (generation.checked stays false).
void run_generation_probe(HttpSession& session, const std::string& key, const KeyCheckRequest& request,
                          KeyCheckOutcome& outcome);

// The combined verdict: when the probe ran, the top-level status, reason and message are its own (a key that
// lists models but cannot write text is not "valid"); when it generated, the message says it can write text.
void combine_generation(KeyCheckOutcome& outcome);

// The probe alone, for a UI's "Check that it can write text" after a passing Test key: `models_outcome` is
// that test's outcome (its model list chooses the model). Lints the key again; blocking.
KeyCheckOutcome check_generation(const KeyCheckRequest& request, KeyCheckOutcome models_outcome);

}  // namespace keywizard::net
