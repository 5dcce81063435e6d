#pragma once

#include <curl/curl.h>

#include "net/http_client.h"

namespace keywizard::net {

// What the transfer knew besides libcurl's code, needed where one code means two things.
struct TransferFacts {
    bool body_over_cap = false;        // our write/header callback refused data past the cap
    bool via_proxy = false;            // a proxy was in effect for this transfer (we decide that ourselves)
    long proxy_connect_code = 0;       // CURLINFO_HTTP_CONNECTCODE: the proxy's answer to CONNECT, 0 if none
    bool timed_out_resolving = false;  // libcurl's error text says the name lookup was still running
    bool reply_started = false;        // the first byte of the reply had arrived (CURLINFO_STARTTRANSFER)
    bool reply_without_status_line = false;  // libcurl's error text: "Received HTTP/0.9 when not allowed"
};

// The one table from libcurl's codes to the reasons a check reports (ok for CURLE_OK).
Reason transport_reason_for(CURLcode code, const TransferFacts& facts);

// True when the server's reply is not HTTP at all; transport_reason_for says unexpected_response then.
bool is_reply_not_http(CURLcode code, const TransferFacts& facts);

}  // namespace keywizard::net
