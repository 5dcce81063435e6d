#include "net/curl_errors.h"

namespace keywizard::net {

namespace {

// Codes whose meaning does not depend on how the transfer went. Anything absent is `other`.
Reason plain_mapping(CURLcode code) {
    switch (code) {
        case CURLE_OK:
            return Reason::ok;

        case CURLE_OPERATION_TIMEDOUT:  // total timeout and the low-speed abort both end here
            return Reason::timeout;

        case CURLE_COULDNT_RESOLVE_HOST:
            return Reason::dns;

        case CURLE_COULDNT_CONNECT:
        case CURLE_INTERFACE_FAILED:
        case CURLE_NO_CONNECTION_AVAILABLE:
            return Reason::connect;

        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SEND_FAIL_REWIND:
        case CURLE_SSL_SHUTDOWN_FAILED:
            return Reason::connection_lost;

        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_PROXY:
            return Reason::proxy;

        // OpenSSL reports an unknown CA, an expired certificate and (libcurl's own check) a wrong host name
        // as PEER_FAILED_VERIFICATION; the others are rarer ways for the certificate to be refused.
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return Reason::tls_certificate;

        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return Reason::tls;

        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CRL_BADFILE:
            return Reason::ca_bundle;

        case CURLE_ABORTED_BY_CALLBACK:
            return Reason::cancelled;

        case CURLE_FILESIZE_EXCEEDED:
            return Reason::too_large;

        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return Reason::invalid_setting;

        default:  // nobody foresaw it
            return Reason::unexpected_response;
    }
}

}  // namespace

bool is_reply_not_http(CURLcode code, const TransferFacts& facts) {
    // libcurl 7.88 reports a reply without a status line as an unsupported protocol (it was "HTTP/0.9"),
    // and a header line over its 100 KB limit as out of memory: both are the server's doing, not ours.
    return code == CURLE_WEIRD_SERVER_REPLY ||
           (code == CURLE_UNSUPPORTED_PROTOCOL && facts.reply_without_status_line) ||
           (code == CURLE_OUT_OF_MEMORY && facts.reply_started);
}

Reason transport_reason_for(CURLcode code, const TransferFacts& facts) {
    // Our own callbacks stop the transfer by refusing bytes; libcurl then says WRITE_ERROR.
    if (code == CURLE_WRITE_ERROR && facts.body_over_cap) {
        return Reason::too_large;
    }
    if (facts.via_proxy) {
        // With an HTTP proxy the target is never contacted directly: a refused connection is the proxy's,
        // and a CONNECT answered with anything but 2xx (407, 403, 502) surfaces as RECV_ERROR.
        if (code == CURLE_COULDNT_CONNECT) {
            return Reason::proxy;
        }
        if (code == CURLE_RECV_ERROR && facts.proxy_connect_code != 0 &&
            (facts.proxy_connect_code < 200 || facts.proxy_connect_code > 299)) {
            return Reason::proxy;
        }
        if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
            return Reason::proxy;  // only the proxy's name is looked up here
        }
    }
    if (is_reply_not_http(code, facts)) {
        return Reason::unexpected_response;
    }
    // A resolver that never answers ends as a timeout, but the person needs to hear it is DNS.
    if (code == CURLE_OPERATION_TIMEDOUT && facts.timed_out_resolving) {
        return Reason::dns;
    }
    return plain_mapping(code);
}

}  // namespace keywizard::net
