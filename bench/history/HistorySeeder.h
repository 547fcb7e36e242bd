#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

// Fills a ledger file with a realistic shop's history for the bench: orders spread over 60 days
// of opening hours (busier at lunch, in the evening and at weekends), five providers, the
// usual mix of outcomes, repeat customers (phone last 4), six cashiers on three terminals and
// refunds for about 2% of the sales. The schema comes from SqliteLedger's own migration; the
// rows are then written with plain SQL in one transaction, because a million insertOrder()
// calls (one fsync'd transaction each) would take hours. Deterministic for a given seed.
class HistorySeeder
{
public:
    // Midnight UTC after the last seeded day; the 60 days before it hold the orders.
    static QDateTime windowEnd();
    static constexpr int kDays = 60;

    // Rows in the orders table, or 0 when the file is not a seeded ledger yet.
    static qint64 existingRows(const QString &path);
    // Creates the file (which must not exist) with `rows` orders. Returns the refunds written.
    static Result<qint64> seed(const QString &path, qint64 rows, quint32 seed);
};
