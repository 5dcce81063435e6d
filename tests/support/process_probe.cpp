#include "tests/support/process_probe.h"

#include <fstream>
#include <sstream>

namespace keywizard::test {

std::optional<std::size_t> peak_resident_bytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            std::size_t kilobytes = 0;
            if (fields >> kilobytes) {
                return kilobytes * 1024;
            }
        }
    }
    return std::nullopt;
}

bool reset_peak_resident() {
    std::ofstream clear_refs("/proc/self/clear_refs");
    clear_refs << "5";
    clear_refs.flush();
    return static_cast<bool>(clear_refs);
}

}  // namespace keywizard::test
