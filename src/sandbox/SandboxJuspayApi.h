#pragma once

#include "core/Result.h"
#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxHttpResponse.h"
#include "sandbox/SandboxOrder.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

class SandboxContext;

// Juspay's order API, read from ../shared/api: POST /orders, GET /orders/{id},
// POST /orders/{id}/refunds, and the helpers /txns (SandboxJuspayTxns) shares with them.
class SandboxJuspayApi
{
public:
    explicit SandboxJuspayApi(SandboxContext &context);

    static bool handles(const SandboxHttpRequest &request);
    // The order a request is about (for the flaky scenario); empty if it names none.
    static QString orderIdOf(const SandboxHttpRequest &request);
    SandboxHttpResponse handle(const SandboxHttpRequest &request);

    // Juspay's status word and number for an order: NEW 10, PENDING_VBV 23, CHARGED 21,
    // AUTHENTICATION_FAILED 26 (declined: bank_error_code ZA; expired: U69), JUSPAY_DECLINED 22.
    static QString statusName(const SandboxOrder &order);
    static int statusId(const QString &statusName);
    // The order status object (GET /orders/{id}).
    QJsonObject orderStatus(const SandboxOrder &order) const;

    // {"status":"error","error_code":...,"error_message":...,"error_info":{...}}.
    static SandboxHttpResponse error(int status, const QString &errorCode, const QString &infoCode,
        const QString &message, const QStringList &fields = {});
    static SandboxHttpResponse badRequest(
        const QString &infoCode, const QString &message, const QStringList &fields = {});
    // Form or JSON body as flat fields.
    static QHash<QString, QString> fieldsOf(const SandboxHttpRequest &request);
    // Basic auth with the API key ("key:" or "key"), and x-merchantid if sent. With
    // merchantIdMayAuthenticate, a request without Authorization is let through when its
    // merchant_id field is the configured one (CRED's documented /txns call sends none).
    std::optional<SandboxHttpResponse> checkAuth(const SandboxHttpRequest &request,
        const QHash<QString, QString> &fields, bool merchantIdMayAuthenticate) const;
    // Validates order fields under `prefix` ("" or "order.") into a new order, not yet stored.
    Result<SandboxOrder> buildOrder(
        const QHash<QString, QString> &fields, const QString &prefix) const;
    // A 400 response for a buildOrder error.
    static SandboxHttpResponse orderError(const Error &error);

private:
    SandboxHttpResponse createOrder(const SandboxHttpRequest &request);
    SandboxHttpResponse getOrder(const SandboxHttpRequest &request, const QString &orderId);
    SandboxHttpResponse refund(const SandboxHttpRequest &request, const QString &orderId);
    QJsonObject createdResponse(const SandboxOrder &order) const;
    QJsonObject paymentLinks(const SandboxOrder &order) const;

    SandboxContext &m_context;
};
