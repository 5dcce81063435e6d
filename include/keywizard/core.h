#pragma once
// keywizard's core: the OpenAI API key of a desktop app, without any window. Where the key and the endpoint
// come from, checking a key against the API (GET {base_url}/models), saving it in the keyring (or, only when
// the person chose it, a private file), forgetting it, and whether the app still needs setting up.
//
// Link keywizard::core (CMake) or keywizard-core (pkg-config). No wxWidgets. Every call that reads or writes
// the key or checks it may block (network; a keyring that does not answer, up to about 5 s): call those off
// the UI thread, or use their *_async forms below (wx.h has forms that answer on the UI thread). See
// docs/embedding.md.
//
// Threads: every function here may be called from any thread, and from many at once (16 check_key calls in
// parallel are tested). Calls for the same app_id are safe together too: saves and forgets are serialised by
// a lock file in the config folder, so the key and its settings always come from one save. No call keeps
// state of its own between calls, except that libcurl and the keyring connection are set up once.
// Exceptions: only std::bad_alloc may leave a call; everything else that goes wrong is in the result.
//
//     keywizard::Options options;
//     options.app_id = "com.example.Writer";   // the config folder's name and the keyring item's app
//     options.app_name = "Writer";
//     if (auto key = keywizard::load_key(options)) { ... use *key, never log it ... }
//
// Precedence, the same for every caller (this library, the keywizard command, the wizard):
//     explicit argument (Options) > environment variable > the app's settings.json > default
// base_url: OPENAI_BASE_URL; organization: OPENAI_ORG_ID; project: OPENAI_PROJECT_ID; ca_file: SSL_CERT_FILE;
// proxy: HTTPS_PROXY/ALL_PROXY (libcurl's own variables); the key: OPENAI_API_KEY, else the stored key.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#define KEYWIZARD_API __attribute__((visibility("default")))

namespace keywizard {

// "0.4.0": the version of the library the program runs with.
KEYWIZARD_API const char* version() noexcept;

// Who the host is, and anything it wants to decide itself. Every field has a working default.
struct Options {
    // The app's namespace: its config folder ($XDG_CONFIG_HOME/<app_id>, else ~/.config/<app_id>) and the
    // keyring item's `application` attribute. Two apps with different ids never see each other's key.
    // Letters, digits, '.', '_' and '-' only (a reverse-DNS name like "com.example.Writer" fits).
    std::string app_id = "keywizard";
    std::string app_name = "keywizard";  // shown to the person ("Writer needs an OpenAI API key")

    // Explicit endpoint settings: when set they win over the environment and settings.json.
    std::optional<std::string> base_url;      // e.g. "https://api.openai.com/v1"
    std::optional<std::string> organization;  // sent as OpenAI-Organization
    std::optional<std::string> project;       // sent as OpenAI-Project
    std::optional<std::string> ca_file;       // PEM bundle; else the system store
    std::optional<std::string> proxy;         // e.g. "http://proxy:3128"; else libcurl's variables
    std::optional<int> timeout_seconds;       // the whole check, 1..600; default 30
    // Models the app needs: a key that cannot see one of them is `limited` / `required_model_missing`.
    // Empty: settings.json's list (usually none).
    std::vector<std::string> required_models;

    // The model the app generates with: the one "Check that it can write text" tries. Empty: settings.json's
    // "probe_model", else the cheapest suitable model the key's model list shows (docs/generation_probe.md).
    std::optional<std::string> probe_model;
    // Whether the wizard and the Configuration Editor test generation after a passing Test key: never, ask
    // (a "Check that it can write text" button that says what it costs), or always (part of Test key).
    enum class GenerationCheck { never, ask, always };
    GenerationCheck generation_check = GenerationCheck::ask;

    // The wizard's words and pictures from the host's own file, in the format of keywizard's
    // images/wizard_content.json (docs/embedding.md): pages it lists replace keywizard's, the others stay;
    // a picture NAME is read from NAME.png next to the file. Empty: keywizard's own. Windows only (wx.h).
    std::filesystem::path content_file;

    // Tests and unusual hosts only: the config folder itself instead of the one app_id names.
    std::filesystem::path config_dir;

    // Added in 0.3. Where the person changes the key later, in the host's own words and language, e.g.
    // "Preferences → Accounts". The wizard's last page and its "Skip for now" say it. Empty: they say "in
    // <app_name>'s settings". (keywizard's own pictures of its own menus are shown only in keywizard's app.)
    std::string change_key_later;
};

// Why `options` cannot be used (a person-readable sentence), or nothing. Every call below checks this
// first and fails with that sentence instead of touching any file.
KEYWIZARD_API std::optional<std::string> options_problem(const Options& options);

// The config folder these options name.
KEYWIZARD_API std::filesystem::path config_directory(const Options& options);

enum class Status {
    valid,       // the API accepted the key (200 with a model list)
    rejected,    // the key is wrong: mistyped, revoked, deleted, an admin key...
    limited,     // a real key that cannot be used as is: missing permission, no quota, region, a model
    unverified,  // could not find out: network, proxy, TLS, server trouble, the wrong base URL
};
KEYWIZARD_API const char* to_string(Status status) noexcept;  // "valid", "rejected", "limited", "unverified"
// The command line's exit code for a status: 0 valid, 2 rejected, 3 limited, 4 unverified.
KEYWIZARD_API int exit_code_for(Status status) noexcept;

// The generation probe's own verdict (only with CheckOptions::generate).
struct GenerationResult {
    bool checked = false;  // a test request was sent
    std::string model;     // the model it asked
    Status status = Status::unverified;
    std::string reason;  // keywizard/reasons.h: ok, missing_scope, insufficient_quota, model_not_allowed...
    std::optional<long> http_status;
    std::string message;
};

// What a check found out. The key itself is never in it.
struct CheckResult {
    Status status = Status::unverified;
    std::string reason;  // a stable code of keywizard/reasons.h: "ok", "invalid_api_key", "timeout", ...
    std::optional<long> http_status;
    std::string message;       // one or two sentences for a person
    std::string remedy_url;    // where to fix it; empty when there is nowhere
    std::string detail;        // the server's or the network's own words, key-like text redacted
    std::string request_id;    // x-request-id, for OpenAI support
    std::string organization;  // as the API reported it
    std::string project;
    std::size_t model_count = 0;
    std::vector<std::string> missing_models;  // required models the key cannot see
    std::string masked_key;                   // "sk-proj-…wxyz"
    std::vector<std::string> notes;           // e.g. "a leading 'Bearer ' was removed"
    std::string base_url;                     // where the key was checked
    long long elapsed_ms = 0;
    // With CheckOptions::generate: whether the key can write text. status and reason above are then the
    // combined verdict (a read-only key is limited / missing_scope, not valid).
    GenerationResult generation;
    // Added in 0.3. With reason "rate_limited": how long the server said to wait, in whole seconds (rounded
    // up; nothing when it did not say), and the limit that was hit: "tokens", "requests" or empty.
    std::optional<long> retry_after_s;
    std::string rate_limit;
};

// How to check, beyond the options.
struct CheckOptions {
    // After a passing models check, send one tiny generation request (a few tokens, a tiny fraction of a
    // cent) to find out whether the key can write text. Never sent unless true.
    bool generate = false;
};

// Where the endpoint comes from, for each setting: see the precedence above.
enum class Source { argument, environment, settings, default_value };
KEYWIZARD_API const char* to_string(
    Source source) noexcept;  // "argument", "environment", "settings", "default"

struct Setting {
    std::string value;  // empty: not set (organization, project, ca_file, proxy)
    Source source = Source::default_value;
    std::string variable;  // the environment variable when source == environment ("OPENAI_BASE_URL")
};

// The endpoint a check uses now, and why.
struct Endpoint {
    Setting base_url;
    Setting organization;
    Setting project;
    Setting ca_file;
    Setting proxy;  // empty with source environment: libcurl reads HTTPS_PROXY/ALL_PROXY itself
    int timeout_seconds = 30;
    std::vector<std::string> required_models;
    std::vector<std::string> warnings;  // e.g. settings.json was corrupt and was moved aside
};
KEYWIZARD_API Endpoint resolve_endpoint(const Options& options);

// Checks `key` as pasted (whitespace, quotes and "Bearer " are cleaned first). Blocking.
KEYWIZARD_API CheckResult check_key(const Options& options, std::string_view key);
// The same with CheckOptions (e.g. the generation probe).
KEYWIZARD_API CheckResult check_key(const Options& options, std::string_view key, const CheckOptions& how);

// The same on a worker thread; `done` runs on that thread once (also when cancelled: reason "cancelled").
// Dropping or cancelling the handle stops the check within 100 ms (a transfer's wait is woken at once); the
// destructor waits for the worker, so `done` has run when it returns. Dropping the handle inside `done`
// itself is allowed (the worker then ends by itself). `done` must not throw: an exception from it is caught
// and written to stderr, and the process goes on.
class KEYWIZARD_API CheckHandle {
  public:
    CheckHandle();
    CheckHandle(CheckHandle&&) noexcept;
    CheckHandle& operator=(CheckHandle&&) noexcept;
    ~CheckHandle();
    void cancel() noexcept;
    bool running() const noexcept;

    struct State;  // internal
    explicit CheckHandle(std::shared_ptr<State> state);

  private:
    std::shared_ptr<State> state_;
};
KEYWIZARD_API CheckHandle check_key_async(const Options& options, std::string key,
                                          std::function<void(CheckResult)> done);
KEYWIZARD_API CheckHandle check_key_async(const Options& options, std::string key, const CheckOptions& how,
                                          std::function<void(CheckResult)> done);

// The key the app should use now, and why there is none. OPENAI_API_KEY when set (the person's own choice,
// with whatever base URL they set beside it); else the stored key, but only where it was verified: when the
// base URL a request would use now (OPENAI_BASE_URL, settings.json) is not the one the key was verified
// against, the key is not handed out (reason "endpoint_changed"), as `keywizard check` and `exec` refuse to
// send it. A base URL the host names itself (Options::base_url, e.g. after asking the person "Send your key
// to <base_url>?") is always allowed. Added in 0.3.
struct LoadResult {
    std::optional<std::string> key;  // never log it and never pass it in argv
    // keywizard/reasons.h: "ok"; "no_key": none stored and OPENAI_API_KEY unset; "unreadable": the keyring or
    // the file could not be read (message says why: no keyring, locked...); "malformed_key": what is there is
    // not a key; "endpoint_changed": see above; "invalid_setting": options_problem(options).
    std::string reason;
    std::string message;  // for a person, when there is no key
    // With "endpoint_changed": where the key was verified, where it would go now, and what set that
    // ("OPENAI_BASE_URL", "settings.json", or "default": nothing is set, so the default base URL).
    std::string verified_base_url;
    std::string base_url;
    std::string from;
};
KEYWIZARD_API LoadResult load_key_checked(const Options& options);

// load_key_checked(options).key: the key, or nothing (no key, unreadable, or a stored key whose base URL
// changed since it was verified; ask load_key_checked why).
KEYWIZARD_API std::optional<std::string> load_key(const Options& options);

enum class Storage { keyring, file };
KEYWIZARD_API const char* to_string(Storage storage) noexcept;  // "keyring", "file"

// What is stored, without the key.
struct StoredKeyInfo {
    bool stored = false;
    std::string masked_key;
    std::optional<Storage> storage;
    std::string location;  // "GNOME Keyring (Secret Service)" or the file's path
    std::string problem;   // why it could not be read (no keyring, locked...), empty when it could
    // The last check of the stored key: "valid"... or empty, its reason, and when (UTC, ISO 8601).
    std::string last_check_status;
    std::string last_check_reason;
    std::string last_check_time;
    std::string verified_base_url;  // where it was last verified
    // When OPENAI_API_KEY is set and differs from the stored key: it, masked (it wins for load_key).
    std::string environment_key_masked;
};
KEYWIZARD_API StoredKeyInfo stored_key(const Options& options);

struct SaveResult {
    bool saved = false;
    std::optional<Storage> storage;
    std::string location;
    std::string message;  // what was done, or what failed and what is stored now
};

// Saves the key. `checked` is the check that found it valid (recorded as the last check, with the base URL
// it was verified against); saving without one is allowed but recorded as unchecked. The explicit endpoint
// settings of `options` (not the environment's) are saved with the key. Storage::file is the plain-text
// fallback: only when the person chose it. Since 0.4 another provider's key (an Anthropic sk-ant- key...,
// reason wrong_provider, docs/providers.md) is not saved, checked or not, unless the base URL is that
// provider's own API: load_key would hand it to the host for OpenAI.
KEYWIZARD_API SaveResult save_key(const Options& options, std::string_view key,
                                  Storage storage = Storage::keyring, const CheckResult* checked = nullptr);

struct ForgetResult {
    bool ok = false;
    std::string message;
};
KEYWIZARD_API ForgetResult forget_key(const Options& options);

// Added in 0.4. The settings a host's own settings page edits (keywizard's Configuration Editor -> Network):
// settings.json of the app `options` names, as saved, without the environment or Options on top.
// resolve_endpoint() says what a check uses now, and where each value comes from.
struct SavedSettings {
    std::string base_url;  // empty: OpenAI's default
    std::string organization;
    std::string project;
    std::string ca_file;
    std::string proxy;         // empty: libcurl's proxy variables
    int timeout_seconds = 30;  // 1..600
    std::vector<std::string> required_models;
    std::string probe_model;          // empty: the cheapest suitable model listed
    int recheck_interval_hours = 24;  // keywizard's app re-checks the stored key this often; 0: never
};
struct SavedSettingsRead {
    SavedSettings settings;
    std::vector<std::string> warnings;  // e.g. settings.json was corrupt and was moved aside
    std::string problem;                // options_problem(), when the options cannot be used
};
KEYWIZARD_API SavedSettingsRead saved_settings(const Options& options);

struct SettingsSaveResult {
    bool saved = false;
    std::string message;  // what was saved, or why nothing was (a person-readable sentence)
};
// Saves `settings` (the key, its storage and first-run state stay as they are). Settings a check could not
// use (a base URL that is not https or http to this computer, a timeout outside 1..600) save nothing.
// A stored key stays bound to the base URL it was verified at: after a new base URL is saved, load_key and
// check_stored_key refuse it there ("endpoint_changed") until the person agrees and it is checked there.
// `checked`: check_stored_key()'s result at the new settings (Options::base_url set to settings.base_url
// after asking the person); when it is valid, of the stored key, and at that base URL, the key is bound to
// the new base URL in the same write. Any other result is ignored (the message says so).
KEYWIZARD_API SettingsSaveResult save_settings(const Options& options, const SavedSettings& settings,
                                               const CheckResult* checked = nullptr);

// Added in 0.4. A host's "Test key" for the key it stored: checks the stored key without handing it to the
// host, at the endpoint a check uses now, and records the result as the last check (stored_key() shows
// it). A base URL other than the one the key was verified at is refused without I/O (reason
// "endpoint_changed", as load_key_checked; Options::base_url names one explicitly). No key stored:
// unverified / "no_key"; a keyring or file that cannot be read: unverified / "unreadable" (the message says
// why). Blocking; check_stored_key_async and wx.h's CheckStoredKeyAsync do not block.
KEYWIZARD_API CheckResult check_stored_key(const Options& options, const CheckOptions& how = {});

// True when the app should run its setup: no key stored and the person has neither finished nor skipped
// the setup before. Reads the keyring: blocking (bounded to a few seconds).
KEYWIZARD_API bool needs_setup(const Options& options);
// Added in 0.4. True when the stored key's last check is older than SavedSettings::recheck_interval_hours
// (never with 0, or without a last check): the time for a quiet check_stored_key_async() at start, so a
// key revoked since is noticed before the person's next request fails. Reads settings.json only.
KEYWIZARD_API bool recheck_due(const Options& options);
// "Skip for now" at first run: remembered, so needs_setup() is false from now on (forget_key() makes it true
// again).
KEYWIZARD_API void record_setup_skipped(const Options& options);

// Added in 0.3: the keyring and file calls above on a worker thread, so a UI thread never waits for a keyring
// that does not answer. `done` runs once on that worker with what the blocking call returns.
//
// A keyring or file call is never cut half way (a save is all or nothing, and each is bounded to a few
// seconds), so dropping its handle does not wait for it: it only means `done` will not be called. Once the
// destructor or abandon() has returned, `done` is not running and never will; dropping the handle inside
// `done` is allowed. `done` must not throw (an exception from it is caught and written to stderr).
class KEYWIZARD_API CallHandle {
  public:
    CallHandle() noexcept;
    CallHandle(CallHandle&&) noexcept;
    CallHandle& operator=(CallHandle&&) noexcept;
    ~CallHandle();
    void abandon() noexcept;
    bool running() const noexcept;  // the call has not ended yet
    // Added in 0.3: waits until the call has ended (and `done`, unless abandoned, has returned), for at most
    // `timeout`; true when it has ended (or there is no call). For a host's shutdown: a save that is still
    // running when the process exits is cut off with it. Not from inside `done` (it would wait for itself).
    bool wait_for(std::chrono::milliseconds timeout) const noexcept;

    struct State;  // internal
    explicit CallHandle(std::shared_ptr<State> state) noexcept;

  private:
    std::shared_ptr<State> state_;
};
KEYWIZARD_API CallHandle load_key_async(const Options& options, std::function<void(LoadResult)> done);
KEYWIZARD_API CallHandle stored_key_async(const Options& options, std::function<void(StoredKeyInfo)> done);
// `checked`: as save_key's (copied, so it may be a temporary).
KEYWIZARD_API CallHandle save_key_async(const Options& options, std::string key, Storage storage,
                                        std::optional<CheckResult> checked,
                                        std::function<void(SaveResult)> done);
KEYWIZARD_API CallHandle forget_key_async(const Options& options, std::function<void(ForgetResult)> done);
KEYWIZARD_API CallHandle needs_setup_async(const Options& options, std::function<void(bool)> done);

// Added in 0.4: check_stored_key() on a worker thread, with check_key_async()'s handle and promises.
KEYWIZARD_API CheckHandle check_stored_key_async(const Options& options, const CheckOptions& how,
                                                 std::function<void(CheckResult)> done);

// "sk-proj-…wxyz": what may be shown of a key.
KEYWIZARD_API std::string mask_key(std::string_view key);

}  // namespace keywizard
