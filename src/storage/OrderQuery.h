#pragma once

#include "storage/OrderFilter.h"
#include "storage/OrderRecord.h"

#include <QString>
#include <QVariantList>

// The SQL text and positional bindings of the ledger's read queries, built in one place so
// SqliteLedger runs exactly what the history bench hands to the sqlite3 shell. Placeholders are
// anonymous `?`, bound in order.
struct OrderQuery
{
    QString sql;
    QVariantList bindings;

    // The orders table's columns, in the order SqliteLedger writes and reads them.
    static QString columnNames();
    // The same columns as a SELECT list. With Masked the sealed phone is not even read (NULL in
    // its place). Text columns come back as UTF-8 BLOBs; decode them with QString::fromUtf8.
    static QString orderColumns(PhoneAccess access);
    static bool isTextColumn(const QString &column);

    // A history page: the filter's rows newest first (created_at DESC, order_id DESC), honouring
    // limit, offset and the keyset.
    static OrderQuery page(const OrderFilter &filter, PhoneAccess access = PhoneAccess::Masked);
    // How many rows the filter matches (limit, offset and keyset ignored).
    static OrderQuery count(const OrderFilter &filter);
    // provider, method, state, currency, count, sum(amount), sum(refunded); filter as in count.
    static OrderQuery salesTotals(const OrderFilter &filter);
    // provider, currency, refund state, count, sum(amount) of refunds created in [since, until).
    static OrderQuery refundTotals(const QDateTime &since, const QDateTime &until);
    // bucket index, orders, charged, charged amount, refunded of those; see Ledger::salesBuckets.
    static OrderQuery salesBuckets(const QDateTime &since, const QDateTime &until, int bucketSeconds,
                                   int utcOffsetSeconds);

    // The states whose money was taken (charged, partially refunded, refunded), as SQL text
    // literals for an IN list.
    static QString chargedStatesSql();

    // THE refunded figure of an order, used by every read of an order (its refunded_minor
    // column) and by the totals, so the Z report, the history, reconciliation and a reprinted
    // receipt cannot disagree: the larger of
    //   - what CounterPay refunded (its refunds rows that succeeded or are pending, in the
    //     order's currency), and
    //   - what the provider says went back (orders.refunded_minor, from its status answers:
    //     Juspay amount_refunded, CM.com refundedAmount, which include CounterPay's own),
    // at most the order's amount. The larger, not the sum: a CounterPay refund the provider
    // reports as well is the same money and is never subtracted twice.
    static QString refundedSql();
    // The net of an order: amount - refunded for the states that took money, else 0.
    static QString netSql();
};
