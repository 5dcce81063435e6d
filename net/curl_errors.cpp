#include "net/curl_errors.h"

namespace keywizard::net {

namespace {

// Codes whose meaning does not depend on how the transfer went. Anything absent is `other`.
TransportError plain_mapping(CURLcode code) {
    switch (code) {
        case CURLE_OK:
            return TransportError::none;

        case CURLE_OPERATION_TIMEDOUT:  // total timeout and the low-speed abort both end here
            return TransportError::timeout;

        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportError::dns;

        case CURLE_COULDNT_CONNECT:
        case CURLE_INTERFACE_FAILED:
        case CURLE_NO_CONNECTION_AVAILABLE:
            return TransportError::connect;

        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SEND_FAIL_REWIND:
        case CURLE_SSL_SHUTDOWN_FAILED:
            return TransportError::connection_lost;

        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_PROXY:
            return TransportError::proxy;

        // OpenSSL reports an unknown CA, an expired certificate and (libcurl's own check) a wrong host name
        // as PEER_FAILED_VERIFICATION; the others are rarer ways for the certificate to be refused.
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return TransportError::tls_certificate;

        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return TransportError::tls;

        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CRL_BADFILE:
            return TransportError::ca_bundle;

        case CURLE_ABORTED_BY_CALLBACK:
            return TransportError::cancelled;

        case CURLE_FILESIZE_EXCEEDED:
            return TransportError::too_large;

        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return TransportError::invalid_request;

        case CURLE_WEIRD_SERVER_REPLY:
            return TransportError::malformed_response;

        default:
            return TransportError::other;
    }
}

}  // namespace

TransportError transport_error_for(CURLcode code, const TransferFacts& facts) {
    // Our own callbacks stop the transfer by refusing bytes; libcurl then says WRITE_ERROR.
    if (code == CURLE_WRITE_ERROR && facts.body_over_cap) {
        return TransportError::too_large;
    }
    if (facts.via_proxy) {
        // With an HTTP proxy the target is never contacted directly: a refused connection is the proxy's,
        // and a CONNECT answered with anything but 2xx (407, 403, 502) surfaces as RECV_ERROR.
        if (code == CURLE_COULDNT_CONNECT) {
            return TransportError::proxy;
        }
        if (code == CURLE_RECV_ERROR && facts.proxy_connect_code != 0 &&
            (facts.proxy_connect_code < 200 || facts.proxy_connect_code > 299)) {
            return TransportError::proxy;
        }
        if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
            return TransportError::proxy;  // only the proxy's name is looked up here
        }
    }
    // Both are the server's doing, not ours: libcurl 7.88 reports a reply without a status line as an
    // unsupported protocol (it was "HTTP/0.9"), and a header line over its 100 KB limit as out of memory.
    if (code == CURLE_UNSUPPORTED_PROTOCOL && facts.reply_without_status_line) {
        return TransportError::malformed_response;
    }
    if (code == CURLE_OUT_OF_MEMORY && facts.reply_started) {
        return TransportError::malformed_response;
    }
    // A resolver that never answers ends as a timeout, but the person needs to hear it is DNS.
    if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
        return TransportError::dns;
    }
    return plain_mapping(code);
}

}  // namespace keywizard::net
