#pragma once

#include "core/Result.h"
#include "storage/OrderRecord.h"
#include "storage/PhoneVault.h"
#include "storage/SalesTotals.h"

#include <QList>
#include <QSqlQuery>

// Turns the rows of an executed OrderQuery into records. A row the ledger cannot trust (an
// unknown currency or state) is an error naming the order, never a crash or a guess.
class LedgerRows
{
public:
    // Rows of OrderQuery::orderColumns(access). Reveal decrypts the phone with `vault`.
    // expectedRows (a page's limit) sizes the list once.
    static Result<QList<OrderRecord>> orders(QSqlQuery &query, PhoneAccess access, const PhoneVault &vault,
                                             qsizetype expectedRows = 0);
    static Result<QList<SalesTotalsRow>> salesTotals(QSqlQuery &query);
    static QList<RefundTotalsRow> refundTotals(QSqlQuery &query);
    static QList<SalesBucket> salesBuckets(QSqlQuery &query, int bucketSeconds, int utcOffsetSeconds);

    // A text column, read as UTF-8 bytes (see OrderQuery::orderColumns) or as text.
    static QString text(const QSqlQuery &query, int column);
    // A time column (ms since the epoch, UTC); invalid for NULL.
    static QDateTime time(const QVariant &value);
};
