#pragma once
// A check's outcome: its status and reason, each reason's row of the reason table (the rows are in
// net/reason_table.cpp), and the words for a person, in English or in their language.

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace keywizard::net {

// Exit codes and --json `status` follow DESIGN.md's outcome table.
enum class KeyStatus { valid, rejected, limited, unverified };

enum class Reason {
    ok,
    // rejected
    malformed_key,
    admin_key,
    invalid_api_key,
    account_deactivated,
    no_organization,
    mismatched_organization,
    // limited
    missing_scope,
    region_not_supported,
    ip_not_allowed,
    insufficient_quota,
    required_model_missing,
    // unverified: the server
    rate_limited,
    server_error,
    not_found,
    unexpected_response,
    redirect,
    too_large,
    // unverified: transport
    timeout,
    dns,
    connect,
    connection_lost,
    proxy,
    tls_certificate,
    tls,
    ca_bundle,
    cancelled,
    insecure_endpoint,
    invalid_setting,  // base URL, organization, project or proxy cannot be sent (bad characters, not a URL)
    // Added later, at the end so the values above keep their numbers:
    model_not_allowed,  // limited, from the generation probe: the key may not use the model it tried
    endpoint_changed,  // unverified: the stored key would go to a base URL other than the one it was verified
                       // against
    mismatched_project,  // rejected: the project setting (OpenAI-Project) is not the key's project
    no_key,              // unverified: there was no key to check (none stored, OPENAI_API_KEY unset)
    wrong_provider,  // rejected: the key is another provider's (net/providers.h), decided before any I/O
    count,  // not a reason: how many there are. Each has a row in net/reason_table.cpp, or the build fails.
};

std::string_view to_string(KeyStatus status);
std::string_view to_string(Reason reason);
// The reason whose to_string() is `name`, or nothing (a name from --json, settings.json or the public API).
std::optional<Reason> reason_named(std::string_view name);
KeyStatus status_of(Reason reason);
int exit_code_for(KeyStatus status);  // 0 valid, 2 rejected, 3 limited, 4 unverified

// Everything the program says or decides about one Reason, in one row: the classifier, the command line's
// report and JSON, and the result panel all read it. A Reason without a row does not compile
// (net/reason_table.cpp checks every row against its index).
struct ReasonRow {
    Reason reason;
    std::string_view name;  // the --json `reason`, DESIGN.md's outcome table spelled exactly
    KeyStatus status;
    bool retryable;  // worth the one automatic retry DESIGN.md allows: the answer may differ next time
    // For a person, never the key. {http} becomes " (HTTP 503)" when a status arrived, {models} "57 models",
    // {missing} "model gpt-x" or "models a, b".
    std::string_view message;
    std::string_view remedy_url;    // where to fix it; empty when there is nowhere
    std::string_view remedy_label;  // the result panel's link text for remedy_url
    std::string_view verdict;       // the result panel's one-sentence verdict
};

const ReasonRow& reason_row(Reason reason);

// Wall-clock phases of the last attempt, in milliseconds from its start (libcurl's *_TIME_T infos).
struct TransferTimings {
    double dns_ms = 0;
    double connect_ms = 0;
    double tls_ms = 0;
    double first_byte_ms = 0;
    double total_ms = 0;
};

// The opt-in generation probe (net/generation_probe.h): one POST after a passing models check.
struct GenerationResult {
    bool checked = false;  // a POST was sent and answered (or failed in transport)
    std::string model;     // the model it asked; empty when none could be chosen
    KeyStatus status = KeyStatus::unverified;
    Reason reason = Reason::unexpected_response;
    std::optional<long> http_status;
    std::string message;     // for a person
    std::string remedy_url;  // where to fix it
    std::string detail;      // the server's words, key redacted
    std::string request_id;
};

struct KeyCheckOutcome {
    KeyStatus status = KeyStatus::unverified;
    Reason reason = Reason::unexpected_response;
    std::optional<long> http_status;
    std::string message;       // one or two sentences for a person, never containing the key
    std::string remedy_url;    // where to fix it, empty when there is nowhere
    std::string detail;        // server's error message or libcurl's error text, key redacted
    std::string request_id;    // x-request-id
    std::string organization;  // openai-organization response header
    std::string project;       // openai-project response header
    std::size_t model_count = 0;
    std::vector<std::string> missing_models;
    std::string masked_key;
    std::vector<std::string> notes;  // lint notes and "billing is not checked"-style caveats
    long long elapsed_ms = 0;
    int attempts = 0;
    TransferTimings timings;
    std::vector<std::string> model_ids;  // what the model list showed, in order (for the generation probe)
    GenerationResult generation;         // checked only when asked for (KeyCheckRequest::generate)
    // With rate_limited: how long the server said to wait (Retry-After, x-ratelimit-reset-*, or its
    // message), rounded up to whole seconds, and which limit was hit ("tokens", "requests"; empty: not said).
    std::optional<long> retry_after_s;
    std::string rate_limit;

    int exit_code() const { return exit_code_for(status); }
};

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
// (Marked for the catalog in check_outcome.cpp.)
inline constexpr std::string_view not_checked_note =
    "Billing and credit are not checked, nor permission to generate: listing models is free and a read-only "
    "key can do it.";

// The messages written with fill-ins (generation probe, classifier, core's endpoint binding), each a
// constant named in net/outcome_messages.def with its placeholders.
#define KEYWIZARD_FORMAT(name, text) inline constexpr std::string_view name = text;
#include "net/outcome_messages.def"
#undef KEYWIZARD_FORMAT

}  // namespace keywizard::net
