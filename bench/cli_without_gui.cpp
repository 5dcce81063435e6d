// bench_cli_without_gui: keywizard's own main() for the command line, linked without the GUI (no wx, no
// GTK). Not a product: an experiment for scripts/bench that shows what `keywizard check` costs because the
// one keywizard binary also carries the windows (over a hundred shared libraries to map and relocate).
#include "net/http_client.h"
#include "wizard/cli/cli.h"

int main(int argc, char** argv) {
    keywizard::net::init_http_globally();
    return keywizard::cli::run_cli(argc, argv);
}
