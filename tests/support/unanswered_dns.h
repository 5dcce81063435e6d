#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace keywizard::test {

struct ChildOutcome {
    bool ran = false;     // false: this machine cannot set the stage (not root, no mount namespaces, ...)
    bool hung = false;    // the child outlived the limit and was killed: a failure, not a skip
    std::string output;   // what `work` returned, when it ran
    std::string problem;  // why it did not run
};

// Gets the DNS server's socket: it becomes readable when the first query arrives, an event a test can wait
// for to act while the name lookup is certainly in progress.
using WorkWithUnansweredDns = std::function<std::string(int dns_server_socket)>;

// Runs `work` in a forked child whose /etc/resolv.conf (bind-mounted in a private mount namespace, so
// nothing outside the child sees it) names a DNS server on 127.53.x.y:53 that receives queries and never
// answers: the way a resolver behaves behind a dead network or a firewall dropping DNS. Needs root.
// The caller must not have other threads running (fork copies only the calling thread). The child is
// killed after `limit`.
ChildOutcome run_with_unanswered_dns(const WorkWithUnansweredDns& work, std::chrono::seconds limit);

// Why this machine cannot set that stage (not root, no mount namespaces, port 53 taken, ...), found by
// setting it once with no work; nothing when it can. For a test's precondition, so that a test which
// cannot run is reported skipped, never passed.
std::optional<std::string> why_unanswered_dns_cannot_be_faked();

}  // namespace keywizard::test
