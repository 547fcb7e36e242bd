#pragma once

#include "core/PaymentState.h"

#include <QString>

// Aggregates the ledger computes in SQL (GROUP BY), for the Z report and the charts. Amounts
// are integer minor units of `currency`; never float.

// Orders grouped by provider, method, state and currency.
struct SalesTotalsRow
{
    QString provider;
    QString method;
    PaymentState state = PaymentState::Created;
    QString currency;
    qint64 count = 0;
    qint64 amountMinorUnits = 0;
    qint64 refundedMinorUnits = 0;
};

// Refunds grouped by the refunded order's provider, the refund's currency and its state
// (requested, pending, succeeded, failed).
struct RefundTotalsRow
{
    QString provider;
    QString currency;
    QString state;
    qint64 count = 0;
    qint64 amountMinorUnits = 0;
};

// Orders in one time bucket (an hour, a day) in a given UTC offset.
struct SalesBucket
{
    qint64 bucketStartMs = 0;       // UTC ms since the epoch of the bucket's start
    qint64 orders = 0;              // every order created in the bucket
    qint64 charged = 0;             // of which charged, partially refunded or refunded
    qint64 chargedMinorUnits = 0;   // their amounts (before refunds)
    qint64 refundedMinorUnits = 0;  // what went back of them (OrderQuery::refundedSql: a failed
                                    // refund never; net = charged - refunded)
};
