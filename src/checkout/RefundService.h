#pragma once

#include "core/Clock.h"
#include "core/Money.h"
#include "core/Result.h"
#include "gateway/GatewayError.h"
#include "storage/RefundRecord.h"

#include <QHash>
#include <QObject>

class Ledger;
class PaymentGateway;

// Gives money back for a charged sale, never twice. The refund is committed to the ledger with
// its idempotency key (unique_request_id) before the request is sent; a refund whose answer
// was lost is re-sent with the same key, which the provider applies at most once.
class RefundService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefundService)

public:
    RefundService(Ledger &ledger, const QList<PaymentGateway *> &gateways,
                  const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // amount: empty for everything not yet refunded. `actor` goes to the audit log.
    // Returns the unique_request_id; the outcome arrives as refundFinished.
    Result<QString> refund(const QString &orderId, std::optional<Money> amount, const QString &actor);

signals:
    void refundFinished(const QString &orderId, const RefundRecord &refund, const QString &message);
    void refundFailed(const QString &orderId, const GatewayError &error);

private:
    Ledger &m_ledger;
    QHash<QString, PaymentGateway *> m_gateways;
    const Clock &m_clock;
};
