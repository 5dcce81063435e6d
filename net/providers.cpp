#include "net/providers.h"

#include <cstddef>
#include <cstdio>

#include "net/ascii.h"
#include "net/json.h"
#include "net/url.h"

// The bytes of images/providers.json (images/embed_file.cmake writes the array).
namespace keywizard::content::detail {
extern const unsigned char embedded_providers_json[];
extern const std::size_t embedded_providers_json_size;
}  // namespace keywizard::content::detail

namespace keywizard::net {
namespace {

std::vector<std::string> strings_at(const nlohmann::json& entry, const char* field) {
    std::vector<std::string> values;
    if (const auto it = entry.find(field); it != entry.end() && it->is_array()) {
        for (const auto& value : *it) {
            if (value.is_string()) {
                values.push_back(value.get<std::string>());
            }
        }
    }
    return values;
}

std::string string_at(const nlohmann::json& entry, const char* field) {
    const auto it = entry.find(field);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<Provider> read_embedded_file() {
    using content::detail::embedded_providers_json;
    using content::detail::embedded_providers_json_size;
    const nlohmann::json file = parse_untrusted_json(
        {reinterpret_cast<const char*>(embedded_providers_json), embedded_providers_json_size});
    std::vector<Provider> list;
    if (!file.is_object() || !file.contains("providers") || !file["providers"].is_array()) {
        // The build embeds the file a test reads too (net_tests), so this only happens to a broken build:
        // then no key is named, and every check goes on as before.
        std::fputs("keywizard: the embedded providers.json cannot be read\n", stderr);
        return list;
    }
    for (const auto& entry : file["providers"]) {
        if (!entry.is_object()) {
            continue;
        }
        Provider provider;
        provider.id = string_at(entry, "id");
        provider.name = string_at(entry, "name");
        provider.variables = strings_at(entry, "variables");
        provider.default_base_url = string_at(entry, "default_base_url");
        provider.hosts = strings_at(entry, "hosts");
        provider.host_suffixes = strings_at(entry, "host_suffixes");
        provider.key_prefixes = strings_at(entry, "key_prefixes");
        if (!provider.id.empty() && !provider.name.empty()) {
            list.push_back(std::move(provider));
        }
    }
    return list;
}

}  // namespace

const std::vector<Provider>& providers() {
    static const std::vector<Provider> list = read_embedded_file();
    return list;
}

const Provider* provider_with_id(std::string_view id) {
    for (const Provider& provider : providers()) {
        if (provider.id == id) {
            return &provider;
        }
    }
    return nullptr;
}

const Provider* provider_of_key(std::string_view key) {
    const Provider* best = nullptr;
    std::size_t best_length = 0;
    for (const Provider& provider : providers()) {
        for (const std::string& prefix : provider.key_prefixes) {
            if (prefix.size() > best_length && key.starts_with(prefix)) {
                best = &provider;
                best_length = prefix.size();
            }
        }
    }
    return best;
}

bool is_host_of(const Provider& provider, std::string_view host) {
    for (const std::string& own : provider.hosts) {
        if (host == own) {
            return true;
        }
    }
    for (const std::string& suffix : provider.host_suffixes) {
        if (host.size() > suffix.size() && host.ends_with(suffix)) {
            return true;
        }
    }
    return false;
}

const Provider* key_of_other_provider(std::string_view key, std::string_view base_url,
                                      std::string_view expected) {
    const Provider* owner = provider_of_key(key);
    if (owner == nullptr || owner->id == expected) {
        return nullptr;
    }
    // Where the key would go: its own provider's API (an OpenAI-compatible endpoint there) takes it. Any
    // other server, OpenAI's or a stand-in's, would receive another provider's secret: not sent.
    const ParsedUrl url = parse_url(base_url);
    if (url.error == CURLUE_OK && is_host_of(*owner, ascii::lowered(url.parts.host))) {
        return nullptr;
    }
    return owner;
}

}  // namespace keywizard::net
