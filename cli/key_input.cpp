#include "cli/key_input.h"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>

#include "cli/cli_text.h"

namespace keywizard::cli {
namespace {

// A key is at most 512 characters; allow generous whitespace and quoting around it, refuse the rest so
// a wrongly piped file is reported instead of being read whole.
constexpr std::size_t max_input_bytes = 4096;

// The terminal as it was, for the signal handler: Ctrl-C at the prompt must not leave echo off.
termios terminal_before{};
int terminal_fd = -1;
constexpr int restoring_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};

extern "C" void restore_terminal_and_reraise(int signal_number) {
    if (terminal_fd >= 0) {
        tcsetattr(terminal_fd, TCSAFLUSH, &terminal_before);  // async-signal-safe
    }
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

// Restores the terminal when reading ends, fails half-way, or a signal ends the program.
class EchoOff {
  public:
    explicit EchoOff(int fd) {
        if (tcgetattr(fd, &terminal_before) != 0) {
            return;
        }
        terminal_fd = fd;
        struct sigaction action {};
        action.sa_handler = restore_terminal_and_reraise;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(restoring_signals); ++i) {
            sigaction(restoring_signals[i], &action, &previous_[i]);
        }
        termios quiet = terminal_before;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) {
            tcsetattr(terminal_fd, TCSAFLUSH, &terminal_before);
        }
        if (terminal_fd >= 0) {
            for (std::size_t i = 0; i < std::size(restoring_signals); ++i) {
                sigaction(restoring_signals[i], &previous_[i], nullptr);
            }
            terminal_fd = -1;
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    struct sigaction previous_[std::size(restoring_signals)]{};
    bool active_ = false;
};

// A key is one line: reading stops at the first line end after something that is not whitespace, so a
// writer that keeps the pipe open is not waited for.
bool holds_a_line(const std::string& text) {
    const auto content = text.find_first_not_of(" \t\r\n");
    return content != std::string::npos && text.find('\n', content) != std::string::npos;
}

}  // namespace

KeyInput read_key_from_stdin() {
    KeyInput input;
    const bool terminal = isatty(STDIN_FILENO) == 1;
    std::optional<EchoOff> echo_off;
    if (terminal) {
        // Echo off before the prompt: whatever is pasted as soon as the prompt shows stays hidden.
        echo_off.emplace(STDIN_FILENO);
        std::fputs(tr("Paste your OpenAI API key and press Enter (it will not be shown): "), stderr);
        std::fflush(stderr);
    }

    char buffer[512];
    while (true) {
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            input.error = format(tr("could not read standard input: %s"), std::strerror(errno));
            break;
        }
        if (got == 0) {
            break;
        }
        input.text.append(buffer, static_cast<std::size_t>(got));
        if (input.text.size() > max_input_bytes) {
            input.error = format(tr_plural("standard input is longer than %zu byte: that is not a key (pipe "
                                           "only the key)",
                                           "standard input is longer than %zu bytes: that is not a key (pipe "
                                           "only the key)",
                                           max_input_bytes),
                                 max_input_bytes);
            break;
        }
        if (holds_a_line(input.text)) {
            break;
        }
    }
    if (terminal) {
        std::fputs("\n", stderr);
    }
    if (!input.error.empty()) {
        input.text.assign(input.text.size(), '\0');  // do not leave a key behind in freed memory
        input.text.clear();
    }
    return input;
}

}  // namespace keywizard::cli
