#pragma once

#include "core/Clock.h"
#include "gateway/PaymentGateway.h"
#include "gateway/cmcom/CmComConfig.h"

#include <QPointer>

class HttpClient;
class TokenCache;
struct OAuthToken;

// CM.com Google Pay.
//
// - Auth: client-credentials token from /api/v1/authorization/oauth2/token, cached and
//   refreshed before expiry (TokenCache on the injected Clock), and once more after a 401.
// - start(): POST .../transactions/initialize with amount in minor units (1..99999999),
//   reference = order id, description, expiresAt, language and returnUrl. CM.com has no
//   idempotency key, so it is never retried; a lost answer gives outcomeUnknown.
//   authUrl = action.redirect.url (GET); txnId = CM.com's transaction id, which the engine
//   must keep: status() needs it (OrderRef::providerTxnId).
// - status(): GET .../transactions/{providerTxnId}. The answer must name that id and our
//   reference (see CmComParser); otherwise IdentityMismatch.
// - refund(): POST .../transactions/{providerTxnId}/refunds {"amount": minor units, "reason"}
//   (see ../shared/api/README.md). CM.com has no idempotency key, so a refund is never sent
//   blind: it first GETs the transaction, and when refundedAmount + refundedPendingAmount
//   already reach RefundRequest::alreadyRefunded + amount, the refund was applied before (an
//   answer lost earlier) and nothing is sent (RefundResult::alreadyApplied). The POST is never
//   retried; if its answer is lost, the transaction is fetched again and compared the same
//   way: applied -> the refund's result; not applied -> an error with outcomeUnknown false,
//   so a retry is safe. Only when that second look fails too is the outcome unknown.
class CmComGateway final : public PaymentGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CmComGateway)

public:
    CmComGateway(HttpClient *http, CmComConfig config, const Clock &clock = Clock::system(),
                 QObject *parent = nullptr);
    ~CmComGateway() override;

    QString providerName() const override { return QStringLiteral("cmcom"); }
    void start(const PaymentRequest &request, QObject *context, Callback<PaymentSession> done) override;
    void status(const OrderRef &order, QObject *context, Callback<PaymentStatus> done) override;
    void refund(const RefundRequest &request, QObject *context, Callback<RefundResult> done) override;

    TokenCache *tokenCache() const { return m_tokens; }
    QByteArray initializeBody(const PaymentRequest &request) const;

private:
    QUrl apiUrl(const QString &path) const;
    void fetchToken(std::function<void(const GatewayResult<OAuthToken> &)> done);
    // GET the transaction (context: this gateway; `next` runs directly on the answer).
    void fetchTransaction(const OrderRef &order, std::function<void(const GatewayResult<PaymentStatus> &)> next);
    void postRefund(const RefundRequest &request, QPointer<QObject> context, Callback<RefundResult> done);
    void confirmLostRefund(const RefundRequest &request, const GatewayError &lost, QPointer<QObject> context,
                           Callback<RefundResult> done);

    HttpClient *m_http;
    CmComConfig m_config;
    const Clock &m_clock;
    TokenCache *m_tokens;
};
