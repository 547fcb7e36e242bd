#pragma once

#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxHttpResponse.h"
#include "sandbox/SandboxOrder.h"

#include <QObject>

#include <optional>

class QNetworkAccessManager;
class SandboxContext;
class SandboxCustomer;

// CM.com's Google Pay API: POST /api/v1/authorization/oauth2/token (client_credentials),
// POST /api/v1/paymentmethods/google-pay/v1/transactions/initialize (201), GET .../{id},
// POST .../{id}/refunds (amount in minor units, optional: all that is left; reason up to 255
// characters; no idempotency key, so every accepted call is one more refund; answers the
// transaction with refunds.refundedAmount updated), and best-effort webhooks that carry ids
// only. Errors: {"message": ..., "errors": [...]}, as the
// document only says "see message for details".
class SandboxCmComApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCmComApi)

public:
    SandboxCmComApi(SandboxContext &context, SandboxCustomer &customer, QObject *parent = nullptr);

    static bool handles(const SandboxHttpRequest &request);
    static bool isTokenEndpoint(const SandboxHttpRequest &request);
    // The flaky scenario's key: the transaction id from the path, or the reference.
    static QString orderIdOf(const SandboxHttpRequest &request);
    SandboxHttpResponse handle(const SandboxHttpRequest &request);

    // OPEN, SUCCESS, CANCELLED, EXPIRED, FAILURE.
    static QString statusName(const SandboxOrder &order);
    static SandboxHttpResponse error(int status, const QString &message, const QString &field = {});

private:
    SandboxHttpResponse token(const SandboxHttpRequest &request);
    SandboxHttpResponse initialize(const SandboxHttpRequest &request);
    SandboxHttpResponse get(const QString &id);
    SandboxHttpResponse refund(const SandboxHttpRequest &request, const QString &id);
    std::optional<SandboxHttpResponse> checkBearer(const SandboxHttpRequest &request) const;
    QJsonObject transactionObject(const SandboxOrder &order) const;
    void sendWebhooks(const QString &orderKey, PaymentState previousState);

    SandboxContext &m_context;
    SandboxCustomer &m_customer;
    QNetworkAccessManager *m_network;
};
