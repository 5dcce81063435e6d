#include "settings/settings_json.h"

#include <algorithm>

#include "settings/private_files.h"

namespace keywizard::settings {
namespace {

// Not constexpr: clang 14 with libstdc++ 12 cannot construct the std::string members in a constant
// expression.
const int default_timeout_seconds = AppSettings{}.timeout_seconds;
const int default_recheck_interval_hours = AppSettings{}.recheck_interval_hours;

std::string wrong_type(std::string_view key, std::string_view expected) {
    return "settings.json: \"" + std::string(key) + "\" should be " + std::string(expected) +
           "; using the default instead";
}

void read_string(const nlohmann::ordered_json& object, std::string_view key, std::string& out,
                 std::vector<std::string>& warnings, std::string_view context = {}) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return;
    }
    if (!it->is_string()) {
        warnings.push_back(wrong_type(std::string(context) + std::string(key), "a string"));
        return;
    }
    out = it->get<std::string>();
}

template <typename Enum, size_t N>
void read_enum(const nlohmann::ordered_json& object, std::string_view key,
               const std::pair<std::string_view, Enum> (&names)[N], std::optional<Enum>& out,
               std::vector<std::string>& warnings) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return;
    }
    std::string expected = "one of";
    for (const auto& [name, value] : names) {
        expected += " \"" + std::string(name) + "\"";
        if (it->is_string() && it->get<std::string>() == name) {
            out = value;
            return;
        }
    }
    warnings.push_back(wrong_type(key, expected));
}

constexpr std::pair<std::string_view, SecretBackend> backend_names[] = {{"keyring", SecretBackend::keyring},
                                                                        {"file", SecretBackend::file}};
constexpr std::pair<std::string_view, FirstRunState> first_run_names[] = {
    {"pending", FirstRunState::pending},
    {"skipped", FirstRunState::skipped},
    {"completed", FirstRunState::completed}};

template <typename Enum, size_t N>
std::string_view name_of(const std::pair<std::string_view, Enum> (&names)[N], Enum value) {
    for (const auto& [name, candidate] : names) {
        if (candidate == value) {
            return name;
        }
    }
    return {};
}

// Sets object[key] = value, or removes the key when the value is the default.
void set_or_erase(nlohmann::ordered_json& object, const std::string& key, const nlohmann::ordered_json& value,
                  bool is_default) {
    if (is_default) {
        object.erase(key);
    } else {
        object[key] = value;
    }
}

void change_string(nlohmann::ordered_json& object, const std::string& key, const std::string& before,
                   const std::string& after) {
    if (before != after) {
        set_or_erase(object, key, after, after.empty());
    }
}

// Deepest nesting of arrays and objects, counting brackets outside strings; stops counting past `limit`.
// No recursion, so any input is safe. Invalid JSON may give any answer: the parser rejects it anyway.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool in_string = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (in_string) {
            if (c == '\\') {
                ++at;  // the escaped character cannot end the string
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) {
                return deepest;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

ParsedSettingsText parse_settings_text(std::string_view text) {
    ParsedSettingsText parsed;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        parsed.corruption = "it is empty";
    } else if (text.starts_with("\xEF\xBB\xBF")) {
        parsed.corruption = "it starts with a UTF-8 byte order mark";
    } else if (text.find('\0') != std::string_view::npos) {
        parsed.corruption = "it contains NUL bytes";
    } else if (text.size() > max_own_file_bytes) {
        parsed.corruption = "it is larger than 4 MiB";
    } else if (nesting_depth(text, max_settings_depth) > max_settings_depth) {
        parsed.corruption = "it is nested more than " + std::to_string(max_settings_depth) + " levels deep";
    } else {
        auto tree = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (tree.is_discarded()) {
            parsed.corruption = "it is not valid JSON";
        } else if (!tree.is_object()) {
            parsed.corruption = "its top level is not a JSON object";
        } else {
            parsed.tree = std::move(tree);
        }
    }
    return parsed;
}

AppSettings settings_from_json(const nlohmann::ordered_json& tree, std::vector<std::string>& warnings) {
    AppSettings settings;
    read_string(tree, "base_url", settings.base_url, warnings);
    read_string(tree, "organization", settings.organization, warnings);
    read_string(tree, "project", settings.project, warnings);
    read_string(tree, "proxy", settings.proxy, warnings);
    read_string(tree, "ca_file", settings.ca_file, warnings);
    read_string(tree, "probe_model", settings.probe_model, warnings);

    if (const auto it = tree.find("timeout_seconds"); it != tree.end() && !it->is_null()) {
        if (it->is_number_integer() && it->get<long long>() > 0 && it->get<long long>() <= 3600) {
            settings.timeout_seconds = static_cast<int>(it->get<long long>());
        } else {
            warnings.push_back(wrong_type("timeout_seconds", "a whole number of seconds from 1 to 3600"));
        }
    }

    if (const auto it = tree.find("recheck_interval_hours"); it != tree.end() && !it->is_null()) {
        if (it->is_number_integer() && it->get<long long>() >= 0 && it->get<long long>() <= 24 * 366) {
            settings.recheck_interval_hours = static_cast<int>(it->get<long long>());
        } else {
            warnings.push_back(wrong_type("recheck_interval_hours", "a whole number of hours, 0 for never"));
        }
    }

    if (const auto it = tree.find("required_models"); it != tree.end() && !it->is_null()) {
        const bool all_strings = it->is_array() && std::all_of(it->begin(), it->end(), [](const auto& item) {
                                     return item.is_string();
                                 });
        if (all_strings) {
            for (const auto& item : *it) {
                settings.required_models.push_back(item.get<std::string>());
            }
        } else {
            warnings.push_back(wrong_type("required_models", "a list of model IDs (strings)"));
        }
    }

    read_string(tree, "verified_base_url", settings.verified_base_url, warnings);
    read_enum(tree, "key_storage", backend_names, settings.key_storage, warnings);
    std::optional<FirstRunState> first_run;
    read_enum(tree, "first_run", first_run_names, first_run, warnings);
    settings.first_run = first_run.value_or(FirstRunState::pending);

    if (const auto it = tree.find("last_check"); it != tree.end() && !it->is_null()) {
        if (it->is_object()) {
            read_string(*it, "status", settings.last_check_status, warnings, "last_check.");
            read_string(*it, "reason", settings.last_check_reason, warnings, "last_check.");
            read_string(*it, "time", settings.last_check_time, warnings, "last_check.");
        } else {
            warnings.push_back(wrong_type("last_check", "an object"));
        }
    }
    return settings;
}

void apply_settings_changes(nlohmann::ordered_json& tree, const AppSettings& before,
                            const AppSettings& after) {
    change_string(tree, "base_url", before.base_url, after.base_url);
    change_string(tree, "organization", before.organization, after.organization);
    change_string(tree, "project", before.project, after.project);
    change_string(tree, "proxy", before.proxy, after.proxy);
    change_string(tree, "ca_file", before.ca_file, after.ca_file);
    change_string(tree, "probe_model", before.probe_model, after.probe_model);
    change_string(tree, "verified_base_url", before.verified_base_url, after.verified_base_url);
    if (before.timeout_seconds != after.timeout_seconds) {
        set_or_erase(tree, "timeout_seconds", after.timeout_seconds,
                     after.timeout_seconds == default_timeout_seconds);
    }
    if (before.recheck_interval_hours != after.recheck_interval_hours) {
        set_or_erase(tree, "recheck_interval_hours", after.recheck_interval_hours,
                     after.recheck_interval_hours == default_recheck_interval_hours);
    }
    if (before.required_models != after.required_models) {
        set_or_erase(tree, "required_models", after.required_models, after.required_models.empty());
    }
    if (before.key_storage != after.key_storage) {
        set_or_erase(
            tree, "key_storage",
            after.key_storage ? std::string(name_of(backend_names, *after.key_storage)) : std::string(),
            !after.key_storage);
    }
    if (before.first_run != after.first_run) {
        set_or_erase(tree, "first_run", std::string(name_of(first_run_names, after.first_run)),
                     after.first_run == FirstRunState::pending);
    }
    const bool last_check_changed = before.last_check_status != after.last_check_status ||
                                    before.last_check_reason != after.last_check_reason ||
                                    before.last_check_time != after.last_check_time;
    if (last_check_changed) {
        auto& last_check = tree["last_check"];
        if (!last_check.is_object()) {
            last_check = nlohmann::ordered_json::object();
        }
        change_string(last_check, "status", before.last_check_status, after.last_check_status);
        change_string(last_check, "reason", before.last_check_reason, after.last_check_reason);
        change_string(last_check, "time", before.last_check_time, after.last_check_time);
        if (last_check.empty()) {
            tree.erase("last_check");
        }
    }
}

std::string settings_to_text(const nlohmann::ordered_json& tree) {
    // Strings that came from the app may hold invalid UTF-8; write a replacement character instead of
    // failing.
    return tree.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace keywizard::settings
