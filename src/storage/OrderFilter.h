#pragma once

#include "core/PaymentState.h"

#include <QDateTime>
#include <QList>
#include <QString>

// What a history query asks for. Empty fields do not filter. Results are newest first:
// created_at DESC, order_id DESC (the order id breaks ties between orders of the same ms).
struct OrderFilter
{
    QDateTime since;   // inclusive, UTC
    QDateTime until;   // exclusive, UTC
    QList<PaymentState> states;
    QString provider;
    QString method;    // provider-side method, exact (GOOGLEPAY, CRED, GOPAY ...)
    QString cashier;
    QString phoneLast4;
    QString search;    // an order id, txn id, provider reference or UPI RRN (exact match)
    qint64 minAmountMinorUnits = -1;
    qint64 maxAmountMinorUnits = -1;
    int limit = 500;
    int offset = 0;
    // Keyset paging: when beforeCreatedAt is valid, only rows strictly older than
    // (beforeCreatedAt, beforeOrderId) in the newest-first order. Page N+1 is asked with the
    // last row of page N (see startAfter), which stays fast at any depth, unlike offset.
    QDateTime beforeCreatedAt;
    QString beforeOrderId;

    // Sets the keyset to continue after `last`, the final row of the previous page.
    void startAfter(const QDateTime &lastCreatedAt, const QString &lastOrderId)
    {
        beforeCreatedAt = lastCreatedAt;
        beforeOrderId = lastOrderId;
        offset = 0;
    }
};
