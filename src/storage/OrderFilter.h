#pragma once

#include "core/PaymentState.h"

#include <QDateTime>
#include <QList>
#include <QString>

// What a history query asks for. Empty fields do not filter. Results are newest first.
struct OrderFilter
{
    QDateTime since;   // inclusive, UTC
    QDateTime until;   // exclusive, UTC
    QList<PaymentState> states;
    QString provider;
    QString cashier;
    QString phoneLast4;
    QString search;    // an order id, txn id, provider reference or UPI RRN (exact match)
    qint64 minAmountMinorUnits = -1;
    qint64 maxAmountMinorUnits = -1;
    int limit = 500;
    int offset = 0;
};
