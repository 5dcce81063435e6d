// A fresh process for tls_key_log_tests: libcurl reads SSLKEYLOGFILE once, in curl_global_init, so only a
// process that has not initialised libcurl yet shows what init_http_globally does with it.
// Usage: tls_key_log_helper BASE_URL CA_FILE; prints the outcome's reason, exits 0 when it is ok.
#include <cstdio>

#include "net/models_check.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: tls_key_log_helper BASE_URL CA_FILE\n");
        return 64;
    }
    keywizard::net::init_http_globally();
    keywizard::net::KeyCheckRequest request;
    request.raw_key = "sk-proj-kwtestKEY0123456789abcdef";  // fake, as in tests/support/api_stand_in.h
    request.endpoint.base_url = argv[1];
    request.endpoint.ca_file = argv[2];
    request.endpoint.timeout = std::chrono::seconds(10);
    const auto outcome = keywizard::net::check_key(request);
    std::printf("%s\n", std::string(to_string(outcome.reason)).c_str());
    return outcome.reason == keywizard::net::Reason::ok ? 0 : 1;
}
