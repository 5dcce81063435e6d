#include "net/check_outcome.h"

#include "net/reason_table.h"

namespace keywizard::net {

std::string_view to_string(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return "valid";
        case KeyStatus::rejected:
            return "rejected";
        case KeyStatus::limited:
            return "limited";
        case KeyStatus::unverified:
            return "unverified";
    }
    return "unverified";
}

std::string_view to_string(Reason reason) {
    return reason_row(reason).name;
}

std::optional<Reason> reason_named(std::string_view name) {
    for (int i = 0; i < static_cast<int>(Reason::count); ++i) {
        if (reason_row(static_cast<Reason>(i)).name == name) {
            return static_cast<Reason>(i);
        }
    }
    return std::nullopt;
}

KeyStatus status_of(Reason reason) {
    return reason_row(reason).status;
}

int exit_code_for(KeyStatus status) {
    switch (status) {
        case KeyStatus::valid:
            return 0;
        case KeyStatus::rejected:
            return 2;
        case KeyStatus::limited:
            return 3;
        case KeyStatus::unverified:
            return 4;
    }
    return 4;
}

}  // namespace keywizard::net
