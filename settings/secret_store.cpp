#include "settings/secret_store.h"

namespace keywizard::settings {

std::string_view to_string(SecretBackend backend) {
    switch (backend) {
        case SecretBackend::keyring:
            return "keyring";
        case SecretBackend::file:
            return "file";
    }
    return "file";
}

}  // namespace keywizard::settings
