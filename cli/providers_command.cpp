// keywizard providers: the model providers keywizard knows (images/providers.json), and the starts of their
// keys, so a person or a host's script can see which keys are recognised where the OpenAI key goes. Data
// only: no keyring, no network.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_text.h"
#include "cli/commands.h"
#include "core/rules.h"

namespace keywizard::cli {

int run_providers(const CliOptions& options) {
    const auto& providers = core::providers();
    if (options.json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& provider : providers) {
            list.push_back({{"id", provider.id},
                            {"name", provider.name},
                            {"variables", provider.variables},
                            {"default_base_url", provider.default_base_url},
                            {"key_prefixes", provider.key_prefixes}});
        }
        std::printf("%s\n", nlohmann::ordered_json{{"providers", list}}.dump(2).c_str());
        return 0;
    }
    for (const auto& provider : providers) {
        std::printf("%-11s %-14s %s\n", provider.id.c_str(), provider.name.c_str(),
                    joined(provider.variables).c_str());
        if (!provider.key_prefixes.empty()) {
            std::printf("            %s\n",
                        format(tr("keys start with %s"), joined(provider.key_prefixes).c_str()).c_str());
        }
    }
    std::printf("\n%s\n",
                tr("keywizard checks and stores OpenAI keys. It recognises the others' keys, so one "
                   "pasted where the OpenAI key goes is named and not sent."));
    return 0;
}

}  // namespace keywizard::cli
