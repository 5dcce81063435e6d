#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "net/check_outcome.h"

namespace keywizard::net {

// Where a person can fix what `reason` says is wrong; empty when there is no such page.
std::string_view remedy_url_for(Reason reason);

// How net/, which has no catalog of its own, reaches the person's language: the windows pass wx's
// translations, the command line its gettext catalog. Each returns the English it was given when the
// catalog has nothing better.
struct Wording {
    std::function<std::string(std::string_view english)> tr;
    std::function<std::string(std::string_view english_one, std::string_view english_many, unsigned long n)>
        tr_plural;
};
const Wording& english_wording();

// "1 model", "57 models" (in the wording's language, with its plural rule).
std::string models_text(std::size_t count, const Wording& wording = english_wording());

// `english` in the wording's language. When it was written from one of `formats` (net/phrase.h), that format
// translated and filled in again, each value itself put into words the same way (a count such as "57
// models" with the language's plural rule); otherwise the catalog's text for the whole of `english`.
std::string in_words(std::string_view english, std::span<const std::string_view> formats,
                     const Wording& wording);

// The formats net/ writes its messages from (for in_words).
std::span<const std::string_view> message_formats();

// outcome.message in the wording's language: its reason's own message translated and filled in again, or,
// when the message is an explanation only the classifier could give, that text translated when the catalog
// has it. outcome.message itself (and so the --json `message`) stays English.
std::string person_message(const KeyCheckOutcome& outcome, const Wording& wording);

// Sets outcome.message (one or two sentences for a person, never the key) and outcome.remedy_url from the
// reason and the fields already filled in (http_status, model_count, missing_models). `explanation`, when
// given, is the message instead: for the cases only the classifier can put into words (what exactly was
// unexpected about an answer, which setting is wrong).
void describe_outcome(KeyCheckOutcome& outcome, std::string_view explanation = {});

// The caveat every successful check carries: a model list proves neither credit nor permission to generate.
// (Marked for the catalog in outcome_messages.cpp.)
inline constexpr std::string_view not_checked_note =
    "Billing and credit are not checked, nor permission to generate: listing models is free and a read-only "
    "key can do it.";

// The messages written with fill-ins (generation probe, classifier, core's endpoint binding), each a
// constant named in net/outcome_messages.def with its placeholders.
#define KEYWIZARD_FORMAT(name, text) inline constexpr std::string_view name = text;
#include "net/outcome_messages.def"
#undef KEYWIZARD_FORMAT

}  // namespace keywizard::net
