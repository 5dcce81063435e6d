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
// (Marked for the catalog in outcome_messages.cpp, among message_formats().)
inline constexpr std::string_view not_checked_note =
    "Billing and credit are not checked, nor permission to generate: listing models is free and a read-only "
    "key can do it.";

// The messages of the generation probe (net/generation_classify.cpp, generation_probe.cpp), with their
// fill-ins: {model} the model asked, {status} the HTTP status, {models} models_text() of the list.
extern const std::string_view generation_can_write;
extern const std::string_view generation_can_write_refused_detail;
extern const std::string_view generation_model_not_allowed;
extern const std::string_view works_and_can_write;
extern const std::string_view checked_with_one_request;
extern const std::string_view rate_limited_for_seconds;  // {seconds}
extern const std::string_view rate_limited_for_a_second;
extern const std::string_view rate_limit_hit_for_seconds;   // {limit} ("tokens per minute"), {seconds}
extern const std::string_view rate_limit_hit_for_a_second;  // {limit}
// {value} the organization or project sent, {from} where it came from ("OPENAI_PROJECT_ID", "settings.json")
extern const std::string_view mismatched_organization_from;
extern const std::string_view mismatched_organization_given;  // given with the check itself
extern const std::string_view mismatched_project_from;
extern const std::string_view mismatched_project_given;
// core's "the base URL changed since the key was verified": {verified} {now} hosts, {from} who set it.
extern const std::string_view endpoint_changed_message;
extern const std::string_view endpoint_changed_to_default_message;  // {verified}, {now}

}  // namespace keywizard::net
