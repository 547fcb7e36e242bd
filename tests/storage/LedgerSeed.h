#pragma once

// A small, varied ledger written through the real SqliteLedger API, plus the same data in
// memory so tests can work out the expected answers independently of the ledger's SQL.
#include "storage/SqliteLedger.h"

#include <QList>
#include <QString>

#include <memory>

struct LedgerSeed
{
    std::unique_ptr<SqliteLedger> ledger;
    QString path;
    QList<OrderRecord> orders;   // as inserted
    QList<RefundRecord> refunds; // as inserted

    // The first order's time; orders follow over about three days, several sharing one
    // millisecond (ties the newest-first order breaks by order id).
    static QDateTime start();
    static PhoneVault vault();

    // Opens `path` (new) and inserts `count` orders and their refunds. Empty error on success.
    QString fill(const QString &path, int count, quint32 seed);

    // The expected history: `orders` filtered in C++ and sorted newest first.
    QList<OrderRecord> expected(const OrderFilter &filter) const;
    static QStringList ids(const QList<OrderRecord> &orders);
};
