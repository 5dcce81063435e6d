#pragma once

#include <string_view>

#include "net/check_outcome.h"

namespace keywizard::net {

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

}  // namespace keywizard::net
