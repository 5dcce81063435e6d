#include "tests/support/test_pki.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

namespace keywizard::test {

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr long one_hour = 3600;
constexpr long one_day = 24 * one_hour;

[[noreturn]] void fail(const std::string& what) {
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    throw std::runtime_error("test PKI: " + what + ": " + text);
}

KeyPtr make_key() {
    KeyPtr key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    if (!key) {
        fail("EC key generation");
    }
    return key;
}

struct CertificateSpec {
    std::string common_name;
    bool is_ca = false;
    std::string subject_alt_names;  // e.g. "DNS:localhost,IP:127.0.0.1"; empty for a CA
    long valid_from = -one_hour;    // seconds relative to now
    long valid_until = one_day;
};

void add_extension(X509* certificate, X509V3_CTX* context, int nid, const std::string& value) {
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, context, nid, value.c_str());
    if (extension == nullptr) {
        fail("extension " + value);
    }
    const int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    if (added != 1) {
        fail("adding extension " + value);
    }
}

// issuer == nullptr makes a self-signed certificate (a CA root).
CertPtr make_certificate(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer,
                         EVP_PKEY* issuer_key) {
    static long next_serial = 1;
    CertPtr certificate(X509_new(), &X509_free);
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), next_serial++) != 1 ||
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), spec.valid_from) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), spec.valid_until) == nullptr ||
        X509_set_pubkey(certificate.get(), subject_key) != 1) {
        fail("certificate fields");
    }
    X509_NAME* name = X509_get_subject_name(certificate.get());
    const auto* organisation = reinterpret_cast<const unsigned char*>("keywizard tests");
    const auto* common_name = reinterpret_cast<const unsigned char*>(spec.common_name.c_str());
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, organisation, -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, common_name, -1, -1, 0) != 1 ||
        X509_set_issuer_name(certificate.get(), issuer ? X509_get_subject_name(issuer) : name) != 1) {
        fail("certificate names");
    }

    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer ? issuer : certificate.get(), certificate.get(), nullptr, nullptr, 0);
    // The subject key id must exist before the authority key id of a self-signed root can refer to it.
    add_extension(certificate.get(), &context, NID_subject_key_identifier, "hash");
    add_extension(certificate.get(), &context, NID_authority_key_identifier, "keyid:always");
    if (spec.is_ca) {
        add_extension(certificate.get(), &context, NID_basic_constraints, "critical,CA:TRUE");
        add_extension(certificate.get(), &context, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add_extension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE");
        add_extension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature");
        add_extension(certificate.get(), &context, NID_ext_key_usage, "serverAuth");
        add_extension(certificate.get(), &context, NID_subject_alt_name, spec.subject_alt_names);
    }
    if (X509_sign(certificate.get(), issuer_key, EVP_sha256()) == 0) {
        fail("signing " + spec.common_name);
    }
    return certificate;
}

void write_certificate(const std::string& path, X509* certificate) {
    BioPtr file(BIO_new_file(path.c_str(), "w"), &BIO_free);
    if (!file || PEM_write_bio_X509(file.get(), certificate) != 1) {
        fail("writing " + path);
    }
}

void write_key(const std::string& path, EVP_PKEY* key) {
    BioPtr file(BIO_new_file(path.c_str(), "w"), &BIO_free);
    if (!file || PEM_write_bio_PrivateKey(file.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        fail("writing " + path);
    }
}

const char* file_stem(ServerIdentity identity) {
    switch (identity) {
        case ServerIdentity::trusted:
            return "server-trusted";
        case ServerIdentity::expired:
            return "server-expired";
        case ServerIdentity::wrong_host:
            return "server-wrong-host";
        case ServerIdentity::untrusted_ca:
            return "server-untrusted-ca";
    }
    return "server-unknown";
}

}  // namespace

std::ostream& operator<<(std::ostream& out, ServerIdentity identity) {
    return out << file_stem(identity);
}

const TestPki& TestPki::instance() {
    static const TestPki pki;  // destroyed at exit, which removes the files
    return pki;
}

TestPki::TestPki() : ca_file_(directory_ + "/ca.pem") {
    const std::string localhost_names = "DNS:localhost,IP:127.0.0.1";

    const KeyPtr ca_key = make_key();
    const CertPtr ca = make_certificate({"keywizard test CA", true, "", -one_hour, one_day}, ca_key.get(),
                                        nullptr, ca_key.get());
    const KeyPtr stranger_key = make_key();
    const CertPtr stranger_ca =
        make_certificate({"keywizard untrusted test CA", true, "", -one_hour, one_day}, stranger_key.get(),
                         nullptr, stranger_key.get());
    write_certificate(ca_file_, ca.get());
    write_certificate(directory_ + "/untrusted-ca.pem", stranger_ca.get());

    struct Leaf {
        ServerIdentity identity;
        CertificateSpec spec;
        X509* issuer;
        EVP_PKEY* issuer_key;
    };
    const Leaf leaves[] = {
        {ServerIdentity::trusted,
         {"localhost", false, localhost_names, -one_hour, one_day},
         ca.get(),
         ca_key.get()},
        {ServerIdentity::expired,
         {"localhost", false, localhost_names, -2 * one_day, -one_day},
         ca.get(),
         ca_key.get()},
        {ServerIdentity::wrong_host,
         {"wrong-host.example", false, "DNS:wrong-host.example", -one_hour, one_day},
         ca.get(),
         ca_key.get()},
        {ServerIdentity::untrusted_ca,
         {"localhost", false, localhost_names, -one_hour, one_day},
         stranger_ca.get(),
         stranger_key.get()},
    };
    for (const Leaf& leaf : leaves) {
        const KeyPtr key = make_key();
        const CertPtr certificate = make_certificate(leaf.spec, key.get(), leaf.issuer, leaf.issuer_key);
        write_certificate(certificate_file(leaf.identity), certificate.get());
        write_key(key_file(leaf.identity), key.get());
    }
}

std::string TestPki::certificate_file(ServerIdentity identity) const {
    return directory_ + "/" + file_stem(identity) + ".pem";
}

std::string TestPki::key_file(ServerIdentity identity) const {
    return directory_ + "/" + file_stem(identity) + "-key.pem";
}

}  // namespace keywizard::test
