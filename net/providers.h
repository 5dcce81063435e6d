#pragma once
// The model providers keywizard knows, as data: images/providers.json, embedded by net/CMakeLists.txt. For
// now it answers one question before any I/O: does this key belong to the provider it is about to be sent
// to (docs/providers.md)?

#include <string>
#include <string_view>
#include <vector>

namespace keywizard::net {

struct Provider {
    std::string id;                          // "openai", "anthropic", ...
    std::string name;                        // "Anthropic": what a person reads
    std::vector<std::string> variables;      // the environment variables its SDK reads the key from
    std::string default_base_url;            // empty when there is none (Azure: each resource has its own)
    std::vector<std::string> hosts;          // its API's host names
    std::vector<std::string> host_suffixes;  // ".openai.azure.com": the hosts of its customers' resources
    std::vector<std::string> key_prefixes;   // how only its keys start
};

// Every provider, in the file's order (OpenAI first). Read once, on first use.
const std::vector<Provider>& providers();

// The provider with this id, or null.
const Provider* provider_with_id(std::string_view id);

// The provider whose key prefix `key` starts with, the longest prefix winning ("sk-ant-" over "sk-"), or
// null.
const Provider* provider_of_key(std::string_view key);

// True when `host` (lower case) is one of the provider's API hosts.
bool is_host_of(const Provider& provider, std::string_view host);

// The provider a key headed for `base_url` belongs to when that is not `expected` (the provider whose key
// is asked for) and the base URL is not that provider's own API: such a key is named and never sent
// (reason wrong_provider). Null: it may go. An OpenAI-compatible endpoint of the key's own provider
// (OpenRouter's base URL with an OpenRouter key) takes it.
const Provider* key_of_other_provider(std::string_view key, std::string_view base_url,
                                      std::string_view expected = "openai");

}  // namespace keywizard::net
