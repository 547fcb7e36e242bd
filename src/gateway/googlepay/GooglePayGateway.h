#pragma once

#include "core/Clock.h"
#include "gateway/PaymentGateway.h"
#include "gateway/HttpRequest.h"
#include "gateway/googlepay/GooglePayConfig.h"

class HttpClient;
class TokenCache;
struct OAuthToken;

// Google Pay Omnichannel, direct (no PSP in between).
//
// - Auth: the service-account key signs an RS256 JWT (counterpay_crypto), exchanged at its
//   token_uri for a bearer token; the token is cached and refreshed 60 s before it expires
//   (TokenCache, on the injected Clock), and refreshed once more if an API call gets a 401.
// - start(): POST /v1/merchantPayments:initiate with the E.164 phone, amountPayable as
//   units/nanos and expiryTime = now + expiryMinutes. The transactionId is the order id, so
//   a retry is answered rather than applied twice: it is retried as an idempotent write.
//   Push payment: the session has no auth URL; expiresAt is the expiryTime sent.
// - status(): POST /v1/merchantTransactions:get (a read: retried, never "unknown").
// - refund(): not offered by the Omnichannel API pages we build from; answers Unsupported.
class GooglePayGateway final : public PaymentGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GooglePayGateway)

public:
    GooglePayGateway(HttpClient *http, GooglePayConfig config, const Clock &clock = Clock::system(),
                     QObject *parent = nullptr);
    ~GooglePayGateway() override;

    QString providerName() const override { return QStringLiteral("googlepay"); }
    void start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done) override;
    void status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done) override;
    void refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done) override;
    // The order id for the first attempt, then "<order id>-2", "-3", ...: Google pays one
    // transactionId at most once, so a retry after a decline needs a new one.
    QString transactionIdFor(const QString &orderId, const QString &lastTxnId) const override;

    TokenCache *tokenCache() const { return m_tokens; }
    QByteArray initiateBody(const PaymentRequest &request) const;

private:
    HttpRequest apiRequest(const QString &method) const;
    void fetchToken(std::function<void(const GatewayResult<OAuthToken> &)> done);

    HttpClient *m_http;
    GooglePayConfig m_config;
    const Clock &m_clock;
    TokenCache *m_tokens;
};
