#pragma once

#include <ostream>
#include <string>

#include "tests/support/temp_dir.h"

namespace keywizard::test {

// Which certificate a loopback TLS server presents.
enum class ServerIdentity {
    trusted,       // DNS:localhost + IP:127.0.0.1, signed by the CA the client is given
    expired,       // same names and CA, but its validity ended yesterday
    wrong_host,    // signed by the trusted CA, but only for DNS:wrong-host.example
    untrusted_ca,  // localhost + 127.0.0.1, signed by a second CA the client does not know
};

// For test logs and data-driven test names.
std::ostream& operator<<(std::ostream& out, ServerIdentity identity);

// A throwaway PKI made at test time with the OpenSSL 3 API (EC P-256: fast to generate), written as PEM
// files into a private temporary directory that is removed when the process exits. Nothing is committed.
class TestPki {
  public:
    // Made on first use; later calls return the same files.
    static const TestPki& instance();

    const std::string& directory() const { return directory_; }
    const std::string& ca_file() const { return ca_file_; }  // what the client should trust
    std::string missing_ca_file() const { return directory_ + "/no-such-ca.pem"; }
    std::string certificate_file(ServerIdentity identity) const;  // leaf certificate only
    std::string key_file(ServerIdentity identity) const;

    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

  private:
    TestPki();

    TempDir scratch_{"test-pki"};
    std::string directory_ = scratch_.path().string();
    std::string ca_file_;
};

}  // namespace keywizard::test
