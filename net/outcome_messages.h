#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "net/check_outcome.h"

namespace keywizard::net {

// Where a person can fix what `reason` says is wrong; empty when there is no such page.
std::string_view remedy_url_for(Reason reason);

// "1 model", "57 models".
std::string models_text(std::size_t count);

// Sets outcome.message (one or two sentences for a person, never the key) and outcome.remedy_url from the
// reason and the fields already filled in (http_status, model_count, missing_models). `explanation`, when
// given, is the message instead: for the cases only the classifier can put into words (what exactly was
// unexpected about an answer, which setting is wrong).
void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation = {});

// The caveat every successful check carries: a model list proves neither credit nor permission to generate.
inline constexpr std::string_view not_checked_note =
    "Billing and credit are not checked, nor permission to generate: listing models is free and a read-only "
    "key can do it.";

}  // namespace keywizard::net
