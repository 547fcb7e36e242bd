#pragma once

#include "sandbox/SandboxHttpRequest.h"
#include "sandbox/SandboxHttpResponse.h"
#include "sandbox/SandboxOrder.h"

#include <QHash>

class SandboxContext;
class SandboxJuspayApi;

// Juspay's POST /txns: Google Pay PUSH_PAY, CRED collect and intent (RSA-encrypted phone in
// sdk_pg_params), other WALLET methods, the dynamic UPI QR (payment_method_type=UPI,
// txn_type=UPI_QR, sdk_params=true: payment.sdk_params, see SandboxUpiQr) and the inline-order
// variant with order.* fields. An order past its expiry (metadata.expiryInMins) takes no txn.
class SandboxJuspayTxns
{
public:
    SandboxJuspayTxns(SandboxContext &context, const SandboxJuspayApi &api);

    SandboxHttpResponse handle(const SandboxHttpRequest &request);

    // Wallets whose authentication step is a POST of params (the documented GOPAY example);
    // all others get a GET URL.
    static bool usesPostAuthentication(const QString &paymentMethod);

private:
    // Checks CRED's sdk_pg_params and decrypts its phone number; fills `credResponse`.
    std::optional<SandboxHttpResponse> checkCred(
        const QHash<QString, QString> &fields, SandboxOrder &order, QJsonObject &credResponse);
    // Refuses UPI other than the dynamic QR with sdk_params=true, and non-INR orders.
    std::optional<SandboxHttpResponse> checkUpiQr(
        const QHash<QString, QString> &fields, const SandboxOrder &order);
    QString newTxnUuid();

    SandboxContext &m_context;
    const SandboxJuspayApi &m_api;
};
