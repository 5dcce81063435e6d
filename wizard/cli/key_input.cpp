#include "wizard/cli/key_input.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace keywizard::cli {
namespace {

// A key is at most 512 characters; allow generous whitespace and quoting around it, refuse the rest so
// a wrongly piped file is reported instead of being read whole.
constexpr std::size_t max_input_bytes = 4096;

// Restores the terminal even when reading fails half-way.
class EchoOff {
  public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (tcgetattr(fd_, &saved_) == 0) {
            termios quiet = saved_;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            active_ = tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff() {
        if (active_) {
            tcsetattr(fd_, TCSAFLUSH, &saved_);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

}  // namespace

KeyInput read_key_from_stdin() {
    KeyInput input;
    const bool terminal = isatty(STDIN_FILENO) == 1;
    std::optional<EchoOff> echo_off;
    if (terminal) {
        std::fputs("Paste your OpenAI API key and press Enter (it will not be shown): ", stderr);
        std::fflush(stderr);
        echo_off.emplace(STDIN_FILENO);
    }

    char buffer[512];
    while (true) {
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            input.error = std::string("could not read standard input: ") + std::strerror(errno);
            break;
        }
        if (got == 0) {
            break;
        }
        input.text.append(buffer, static_cast<std::size_t>(got));
        if (input.text.size() > max_input_bytes) {
            input.error = "standard input is longer than " + std::to_string(max_input_bytes) +
                          " bytes: that is not a key (pipe only the key)";
            break;
        }
        if (terminal && input.text.find('\n') != std::string::npos) {
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
