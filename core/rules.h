#pragma once
// What the windows (wizard/) and the command line (cli/) use of the layers below core, under core's name:
// the plain value types of net/ and settings/ (a check's outcome, its request and endpoint, the settings,
// the storage's answers) and the rules about keys and endpoints. Neither includes a net/ or settings/
// header; the layers read top-down: cli/, wizard/ -> core/ -> net/, settings/ (the ctest `layers` checks
// it). What needs more of those layers asks for it here, where core decides what it may have.
#include "core/key_setup.h"
#include "net/ascii.h"
#include "net/check_outcome.h"
#include "net/endpoint.h"
#include "net/generation_probe.h"
#include "net/http_client.h"
#include "net/key_lint.h"
#include "net/printable_text.h"
#include "net/providers.h"
#include "settings/atomic_file_writer.h"
#include "settings/dotenv_text.h"
#include "settings/private_files.h"

namespace keywizard::core {

// Keys: lint before anything else, mask before showing.
using net::lint_key;
using net::mask_key;
using net::provider_of_key;  // whose key it is by its start (images/providers.json)
using net::providers;
// A check, as core's check_request builds it, and the generation probe after it.
using net::check_generation;
using net::check_key;
using net::default_base_url;
using net::endpoint_problem;
using net::other_providers_key_refusal;
using net::probe_token_cap;
// A check's outcome in words, for a person.
using net::exit_code_for;
using net::mask_url_credentials;
using net::not_checked_note;
using net::person_message;
using net::printable_text;
using net::reason_row;
using net::to_string;
// The process-wide setup of HTTP (once, on the UI thread, before any worker).
using net::init_http_globally;
// Files: a host's content file read whole and bounded; `import`'s .env, read and rewritten in place.
using settings::config_directory_problem;
using settings::default_config_directory;
using settings::find_dotenv_value;
using settings::read_whole_file;
using settings::remove_dotenv_value;
using settings::write_file_atomically;
namespace ascii = net::ascii;

}  // namespace keywizard::core
