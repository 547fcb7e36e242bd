#include "storage/LedgerRows.h"

QString LedgerRows::text(const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

QDateTime LedgerRows::time(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Result<QList<OrderRecord>> LedgerRows::orders(QSqlQuery &query, PhoneAccess access, const PhoneVault &vault,
                                              qsizetype expectedRows)
{
    QList<OrderRecord> orders;
    orders.reserve(expectedRows);
    // Most rows share a currency and a state: parse each distinct text once per query.
    QString lastCurrencyCode;
    std::optional<Currency> lastCurrency;
    auto damaged = [](const QString &orderId, const QString &what) {
        return Error::make("damaged_row", QStringLiteral("Order %1 in the ledger is damaged: %2").arg(orderId, what));
    };
    while (query.next()) {
        OrderRecord order;
        order.orderId = text(query, 0);
        order.terminal = text(query, 1);
        order.cashier = text(query, 2);
        order.provider = text(query, 3);
        order.method = text(query, 4);
        const QString code = text(query, 6);
        if (code != lastCurrencyCode || !lastCurrency) {
            lastCurrency = Currency::fromCode(code);
            lastCurrencyCode = code;
        }
        if (!lastCurrency)
            return damaged(order.orderId, QStringLiteral("unknown currency '%1'.").arg(code.left(8)));
        Result<Money> amount = Money::fromMinorUnits(query.value(5).toLongLong(), *lastCurrency);
        if (!amount)
            return damaged(order.orderId, amount.errorMessage());
        order.amount = std::move(amount).value();
        if (access == PhoneAccess::Reveal && !query.value(7).isNull()) {
            const Result<QString> phone = vault.open(query.value(7).toByteArray());
            if (!phone) {
                return Error::make("phone_unreadable",
                                   QStringLiteral("Order %1 in the ledger is damaged: the phone number cannot be "
                                                  "decrypted with this device's key (%2).").arg(order.orderId, phone.errorMessage()));
            }
            order.phoneE164 = phone.value();
        }
        order.phoneLast4 = text(query, 8);
        const QString stateName = text(query, 9);
        const std::optional<PaymentState> state = PaymentStates::fromName(stateName);
        if (!state)
            return damaged(order.orderId, QStringLiteral("unknown state '%1'.").arg(stateName.left(24)));
        order.state = *state;
        order.providerStatus = text(query, 10);
        order.txnId = text(query, 11);
        order.txnUuid = text(query, 12);
        order.providerReference = text(query, 13);
        order.upiRrn = text(query, 14);
        order.authUrl = text(query, 15);
        order.expiresAt = time(query.value(16));
        order.verified = query.value(17).toInt() != 0;
        order.refundedMinorUnits = query.value(18).toLongLong();
        order.note = text(query, 19);
        order.createdAt = time(query.value(20));
        order.updatedAt = time(query.value(21));
        orders.append(std::move(order));
    }
    return orders;
    return orders;
}

Result<QList<SalesTotalsRow>> LedgerRows::salesTotals(QSqlQuery &query)
{
    QList<SalesTotalsRow> rows;
    while (query.next()) {
        const QString stateName = query.value(2).toString();
        const std::optional<PaymentState> state = PaymentStates::fromName(stateName);
        if (!state) {
            return Error::make("damaged_row", QStringLiteral("The ledger holds orders in an unknown state '%1'.")
                                                    .arg(stateName.left(24)));
        }
        rows.append(SalesTotalsRow { query.value(0).toString(), query.value(1).toString(), *state,
                                     query.value(3).toString(), query.value(4).toLongLong(),
                                     query.value(5).toLongLong(), query.value(6).toLongLong() });
    }
    return rows;
}

QList<RefundTotalsRow> LedgerRows::refundTotals(QSqlQuery &query)
{
    QList<RefundTotalsRow> rows;
    while (query.next()) {
        rows.append(RefundTotalsRow { query.value(0).toString(), query.value(1).toString(),
                                      query.value(2).toString(), query.value(3).toLongLong(),
                                      query.value(4).toLongLong() });
    }
    return rows;
}

QList<SalesBucket> LedgerRows::salesBuckets(QSqlQuery &query, int bucketSeconds, int utcOffsetSeconds)
{
    const qint64 bucketMs = qint64(bucketSeconds) * 1000;
    const qint64 offsetMs = qint64(utcOffsetSeconds) * 1000;
    QList<SalesBucket> buckets;
    while (query.next()) {
        buckets.append(SalesBucket { query.value(0).toLongLong() * bucketMs - offsetMs, query.value(1).toLongLong(),
                                     query.value(2).toLongLong(), query.value(3).toLongLong(),
                                     query.value(4).toLongLong() });
    }
    return buckets;
}
