#pragma once

// What a fuzz target asserts. A broken invariant prints where and why, then aborts: libFuzzer saves the
// input as a crasher, and the replay test (fuzz_replay_main.cpp) fails on it in the normal build.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace keywizard::fuzz {

// Every byte sequence is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// No C0 control character, DEL or C1 control: text for a person, one line.
bool has_no_control_characters(std::string_view text);

}  // namespace keywizard::fuzz
