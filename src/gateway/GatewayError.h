#pragma once

#include <QString>

// Why a gateway call did not produce a typed result.
//
// `outcomeUnknown` is the one flag the checkout engine must branch on: true means the request
// may have been applied at the provider even though we have no (usable) answer, e.g. a POST
// whose response was lost, timed out, truncated or garbled, or that got a 5xx. An order whose
// start() fails that way goes to `unknown` and is resolved with status queries, never by
// starting a second payment. For reads (status calls) it is always false: nothing was changed.
struct GatewayError
{
    enum class Kind {
        Unreachable,      // connection refused, host not found, network down
        Timeout,          // no bytes within the transfer timeout
        Tls,              // TLS handshake or certificate verification failed
        BadRequest,       // another 4xx: the provider rejected the request
        Auth,             // 401 / 403, or a token could not be obtained
        NotFound,         // 404: unknown order / transaction
        RateLimited,      // 429 (retryAfterMs says when to come back)
        Server,           // 5xx
        Malformed,        // the body is not the JSON we expect
        Truncated,        // the connection closed before the whole body arrived
        Oversized,        // the body exceeds the response cap (aborted)
        WrongContentType, // a 2xx answer that is not JSON
        Unexpected,       // another HTTP status (1xx/3xx) or protocol problem
        Unsupported,      // the provider has no such operation (e.g. Google direct refund)
        Config,           // a request we refuse to send (bad input, missing id, bad key)
        IdentityMismatch, // a 2xx answer that names another order or merchant: proves nothing
                          // about ours (never Charged); not a transport kind
        Refused,          // a 2xx answer about our order that we will not act on: a UPI QR
                          // whose amount differs from the order's, or without payee or reference
                          // (providerCode says which: upi_amount_mismatch, upi_missing_pa ...)
    };

    Kind kind = Kind::Unexpected;
    int httpStatus = 0;      // 0 when no HTTP status was received
    QString providerCode;    // Juspay error_code, Google error.status, CM.com error code
    QString message;         // a sentence for the log and the cashier; never holds secrets
    qint64 retryAfterMs = -1; // from Retry-After (429/503); -1 when not given
    bool outcomeUnknown = false;
    int attempts = 1;

    // The one way to build a GatewayError: the rest of its fields keep their defaults.
    static GatewayError make(Kind kind, QString message, int httpStatus = 0, bool outcomeUnknown = false);

    static QString kindName(Kind kind);
    // True for the transport kinds the engine treats as "gateway unreachable".
    bool isTransport() const;
    // "timeout: <message>" and the HTTP status / provider code when known. Safe to log.
    QString toString() const;
};
