// The host of tests/subproject/CMakeLists.txt: links keywizard::core from a vendored keywizard and calls it.
#include <keywizard/core.h>

#include <cstdio>
#include <cstring>
#include <string>

int main() {
    const std::string masked = keywizard::mask_key("sk-proj-subproject0123subproject4567wxyz");
    std::printf("keywizard %s, masked: %s\n", keywizard::version(), masked.c_str());
    // A masked key never shows the whole key, and keeps its last characters (core.h: "sk-proj-…wxyz").
    if (std::strlen(keywizard::version()) == 0 || masked.find("subproject0123") != std::string::npos ||
        masked.size() < 4 || masked.compare(masked.size() - 4, 4, "wxyz") != 0) {
        std::fprintf(stderr, "unexpected version or masked key\n");
        return 1;
    }
    return 0;
}
