// core_check: checks the OpenAI API key given on standard input with keywizard's core, and says what the API
// thinks of it. Only <keywizard/core.h> and <keywizard/reasons.h>, linked through pkg-config (see Makefile):
// no wxWidgets.
//
//     printf '%s' "$KEY" | ./core_check        (or run it and paste the key)
//
// The key comes from stdin, never from argv: a command line is visible to every user of the machine (ps).
// The exit code is the keywizard command's: 0 valid, 2 rejected, 3 limited, 4 unverified.
#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

#include <keywizard/core.h>
#include <keywizard/reasons.h>

int main() {
    keywizard::Options options;
    options.app_id = "com.example.CoreCheck";  // its own settings folder and keyring items
    options.app_name = "Core Check";

    if (isatty(STDIN_FILENO)) {
        std::cerr << "Paste your OpenAI API key, then press Enter: " << std::flush;
    }
    std::string key;
    std::getline(std::cin, key);  // whitespace, quotes and "Bearer " are cleaned by check_key itself

    const keywizard::CheckResult result = keywizard::check_key(options, key);
    key.assign(key.size(), '\0');

    std::cout << "keywizard " << keywizard::version() << '\n'
              << "status:  " << keywizard::to_string(result.status) << '\n'
              << "reason:  " << result.reason << '\n'
              << "message: " << result.message << '\n'
              << "key:     " << (result.masked_key.empty() ? "(none)" : result.masked_key) << '\n';
    if (!result.remedy_url.empty()) {
        std::cout << "fix it:  " << result.remedy_url << '\n';
    }
    // A host's own advice for the reasons it cares about (every code: <keywizard/reasons.h>).
    if (result.reason == keywizard::reason::rate_limited && result.retry_after_s) {
        std::cout << "wait:    " << *result.retry_after_s << " s before checking again\n";
    }
    return keywizard::exit_code_for(result.status);
}
