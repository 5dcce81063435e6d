// bench_run_measured: runs one command and prints its whole-process wall time and peak resident set size,
// measured the same way for keywizard and for every reference it is compared with.
//
//   bench_run_measured [--stdin FILE] -- COMMAND [ARGS...]
//   prints: wall_us=<microseconds> max_rss_kb=<kilobytes> exit=<code or -signal>
//
// Wall time runs from just before fork() to wait4() returning; the peak RSS is the kernel's ru_maxrss of
// the child (the largest resident set any process of the command reached, as getrusage counts it).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const char* stdin_file = nullptr;
    int first = 1;
    while (first < argc && std::strcmp(argv[first], "--") != 0) {
        if (std::strcmp(argv[first], "--stdin") == 0 && first + 1 < argc) {
            stdin_file = argv[first + 1];
            first += 2;
        } else {
            std::fprintf(stderr, "usage: bench_run_measured [--stdin FILE] -- COMMAND [ARGS...]\n");
            return 64;
        }
    }
    if (first + 1 >= argc) {
        std::fprintf(stderr, "usage: bench_run_measured [--stdin FILE] -- COMMAND [ARGS...]\n");
        return 64;
    }
    char** command = argv + first + 1;

    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 70;
    }
    if (child == 0) {
        const int input = open(stdin_file ? stdin_file : "/dev/null", O_RDONLY | O_CLOEXEC);
        const int output = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (input < 0 || output < 0 || dup2(input, 0) < 0 || dup2(output, 1) < 0) {
            _exit(127);
        }
        execvp(command[0], command);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child) {
        std::perror("wait4");
        return 70;
    }
    const auto wall = std::chrono::steady_clock::now() - started;
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    std::printf("wall_us=%lld max_rss_kb=%ld exit=%d\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(wall).count()),
                usage.ru_maxrss, exit_code);
    return 0;
}
