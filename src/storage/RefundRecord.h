#pragma once

#include <QDateTime>
#include <QString>

// A refund asked of a gateway. uniqueRequestId is the idempotency key sent to the provider.
struct RefundRecord
{
    QString uniqueRequestId;
    QString orderId;
    qint64 amountMinorUnits = 0;
    QString currency;
    QString state;             // requested, pending, succeeded, failed
    QString providerRefundId;
    QString requestedBy;
    QDateTime createdAt;       // UTC
    QDateTime updatedAt;       // UTC
};
