// main() for the normal (gcc, non-fuzzer) build of a fuzz target: runs every file of the given corpus and
// regression directories through LLVMFuzzerTestOneInput once. A broken invariant aborts (FUZZ_CHECK), so
// CTest fails on any input that ever crashed the target, and the seed corpus keeps working as a test.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Names the input first: if it aborts, the log says which one.
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path = argv[i];
        if (std::filesystem::is_directory(path)) {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(path)) {
                if (entry.is_regular_file()) {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());  // the same order on every run
            for (const auto& file : files) {
                replay(file);
                ++count;
            }
        } else if (std::filesystem::is_regular_file(path)) {
            replay(path);
            ++count;
        } else {
            // A target without crashers yet has no regressions directory.
            std::fprintf(stderr, "skipping %s: not there\n", path.c_str());
        }
    }
    std::printf("replayed %zu inputs without a broken invariant\n", count);
    return count > 0 ? 0 : 1;  // an empty seed corpus would make this test prove nothing
}
