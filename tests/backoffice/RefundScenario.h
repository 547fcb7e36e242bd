#pragma once

// One day of sales refunded in every way there is, for the tests that check the Z report, the
// history, reconciliation and a reprinted receipt agree on each sale's net:
//   charged (no refund); partly and fully refunded outside CounterPay (the provider's figure in
//   refunded_minor, no refunds row); refunded in CounterPay only (a refunds row, refunded_minor
//   never updated); refunded in CounterPay and reported by the provider as well (the same money:
//   subtracted once); refunded in CounterPay and more at the provider; a failed CounterPay refund
//   (nothing went back); a failed sale.
#include "LedgerSeed.h"

#include <QMap>

struct RefundScenario
{
    QMap<QString, qint64> expectedNet;      // order id -> net, worked out by hand
    QMap<QString, qint64> expectedRefunded; // order id -> refunded
    qint64 charged = 0;
    qint64 refunded = 0;
    qint64 net() const { return charged - refunded; }
};

inline RefundScenario seedRefundScenario(Ledger &ledger, const QDateTime &at, const QString &prefix,
                                         bool verified = true)
{
    struct Row
    {
        const char *suffix;
        qint64 amount;
        PaymentState state;
        qint64 providerRefunded; // orders.refunded_minor
        qint64 counterPayRefund; // a refunds row (0: none)
        const char *refundState;
        qint64 refunded;         // expected
    };
    const Row rows[] = {
        { "CHG", 10'000, PaymentState::Charged, 0, 0, "", 0 },
        { "OUTP", 20'000, PaymentState::PartiallyRefunded, 5'000, 0, "", 5'000 },
        { "OUTF", 30'000, PaymentState::Refunded, 30'000, 0, "", 30'000 },
        { "CPO", 40'000, PaymentState::PartiallyRefunded, 0, 10'000, "succeeded", 10'000 },
        { "BOTH", 50'000, PaymentState::PartiallyRefunded, 10'000, 10'000, "succeeded", 10'000 },
        { "MORE", 60'000, PaymentState::PartiallyRefunded, 15'000, 10'000, "pending", 15'000 },
        { "FREF", 70'000, PaymentState::Charged, 0, 70'000, "failed", 0 },
        { "FAIL", 80'000, PaymentState::Failed, 0, 0, "", 0 },
    };
    RefundScenario scenario;
    int i = 0;
    for (const Row &row : rows) {
        const QString id = prefix + QString::fromLatin1(row.suffix);
        OrderRecord order = seedOrder(id, at.addSecs(60 * i++), row.amount, row.state);
        order.verified = verified && order.verified;
        order.refundedMinorUnits = row.providerRefunded;
        if (!insert(ledger, order).ok())
            qFatal("cannot seed %s", qPrintable(id));
        if (row.counterPayRefund > 0
            && !insertRefund(ledger, id, id + QStringLiteral("R1"), row.counterPayRefund, QString::fromLatin1(row.refundState),
                             order.createdAt.addSecs(30))
                        .ok())
            qFatal("cannot seed the refund of %s", qPrintable(id));
        const bool took = order.tookMoney();
        scenario.expectedRefunded.insert(id, row.refunded);
        scenario.expectedNet.insert(id, took ? row.amount - row.refunded : 0);
        if (took) {
            scenario.charged += row.amount;
            scenario.refunded += row.refunded;
        }
    }
    return scenario;
}
