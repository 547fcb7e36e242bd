#pragma once

// Seeds a real ledger with a deterministic store's worth of sales, for the back-office GUI
// tests and the screenshot driver. Orders go through the Ledger API (no SQL behind its back).
#include "core/Money.h"
#include "storage/Ledger.h"

#include <QRandomGenerator>

#include <utility>

struct DemoSeed
{
    QString provider;
    QString method;
};

inline const QList<DemoSeed> &demoProviders()
{
    static const QList<DemoSeed> providers {
        { QStringLiteral("juspay-gpay"), QStringLiteral("GOOGLEPAY") },
        { QStringLiteral("juspay-cred"), QStringLiteral("CRED") },
        { QStringLiteral("googlepay"), QStringLiteral("GOOGLEPAY") },
        { QStringLiteral("juspay-wallet:GOPAY"), QStringLiteral("GOPAY") },
    };
    return providers;
}

// One order created at `at`; its state and amount as given; phone last 4 from the index.
inline OrderRecord demoOrder(int index, const QDateTime &at, qint64 minor, PaymentState state,
                             const DemoSeed &seed, const QString &cashier)
{
    OrderRecord order;
    order.orderId = QStringLiteral("T01-%1").arg(index, 6, 10, QLatin1Char('0'));
    order.terminal = QStringLiteral("T01");
    order.cashier = cashier;
    order.provider = seed.provider;
    order.method = seed.method;
    order.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
    order.phoneLast4 = QStringLiteral("%1").arg(1000 + (index * 37) % 9000, 4, 10, QLatin1Char('0'));
    order.state = state;
    order.providerStatus = state == PaymentState::Charged ? QStringLiteral("CHARGED") : QString();
    order.txnId = QStringLiteral("TXN%1").arg(index);
    order.upiRrn = state == PaymentState::Charged ? QStringLiteral("6%1").arg(index, 11, 10, QLatin1Char('0')) : QString();
    order.createdAt = at;
    order.updatedAt = at.addSecs(40);
    order.verified = state == PaymentState::Charged;
    return order;
}

inline OrderEvent demoEvent(const QString &orderId, const QDateTime &at, const QString &kind,
                            std::optional<PaymentState> from, std::optional<PaymentState> to,
                            const QString &outcome, const QString &detail, const QString &status = {})
{
    OrderEvent event;
    event.orderId = orderId;
    event.at = at;
    event.kind = kind;
    event.fromState = from;
    event.toState = to;
    event.outcome = outcome;
    event.detail = detail;
    event.providerStatus = status;
    return event;
}

// The events a paid push sale leaves: request, response, two status polls, the transition.
// `pendingChecks` status checks (2 s apart from t+6 s) find the customer still deciding.
inline bool appendDemoTimeline(Ledger &ledger, const OrderRecord &order, int pendingChecks = 1)
{
    const QDateTime t = order.createdAt;
    QList<OrderEvent> events {
        demoEvent(order.orderId, t.addMSecs(120), QStringLiteral("request"), PaymentState::Created,
                  PaymentState::Submitting, QStringLiteral("sent"), QStringLiteral("POST /txns")),
        demoEvent(order.orderId, t.addMSecs(870), QStringLiteral("response"), PaymentState::Submitting,
                  PaymentState::AwaitingCustomer, QStringLiteral("ok"), QStringLiteral("HTTP 200"),
                  QStringLiteral("PENDING_VBV")),
    };
    for (int i = 0; i < pendingChecks; ++i) {
        events << demoEvent(order.orderId, t.addSecs(6 + 2 * i), QStringLiteral("status"), {}, {}, QStringLiteral("ok"),
                            QStringLiteral("GET /orders/%1").arg(order.orderId), QStringLiteral("PENDING_VBV"));
    }
    events << demoEvent(order.orderId, t.addSecs(qMax(21, 8 + 2 * pendingChecks)), QStringLiteral("status"),
                        PaymentState::AwaitingCustomer, order.state, QStringLiteral("ok"),
                        QStringLiteral("GET /orders/%1").arg(order.orderId),
                        order.providerStatus.isEmpty() ? QStringLiteral("AUTHORIZATION_FAILED") : order.providerStatus);
    for (const OrderEvent &event : events) {
        if (!ledger.appendEvent(event).ok())
            return false;
    }
    return true;
}

struct DemoLedgerStats
{
    int orders = 0;
    QStringList ids;          // newest first
};

// `count` orders spread evenly backwards from `newestUtc` over `days` days, newest first in
// ids. States: mostly charged, some failed / declined / expired, a few unknown. The newest
// `timelines` orders get a full timeline.
inline Result<DemoLedgerStats> seedDemoLedger(Ledger &ledger, const QDateTime &newestUtc, int count,
                                              int days = 30, int timelines = 10, quint32 seed = 7)
{
    QRandomGenerator random(seed);
    const QStringList cashiers { QStringLiteral("asha"), QStringLiteral("ravi"), QStringLiteral("meena") };
    const qint64 spanMs = qint64(days) * 24 * 3600 * 1000;
    DemoLedgerStats stats;
    for (int i = 0; i < count; ++i) {
        const QDateTime at = newestUtc.addMSecs(-(spanMs * i) / qMax(1, count));
        const int roll = int(random.bounded(100));
        const PaymentState state = roll < 78 ? PaymentState::Charged
                                 : roll < 86 ? PaymentState::Failed
                                 : roll < 92 ? PaymentState::Declined
                                 : roll < 97 ? PaymentState::Expired
                                             : PaymentState::Unknown;
        const qint64 minor = (10 + qint64(random.bounded(4990))) * 100 + (random.bounded(2) ? 50 : 0);
        const DemoSeed &provider = demoProviders().at(int(random.bounded(int(demoProviders().size()))));
        const OrderRecord order = demoOrder(count - i, at, minor, state, provider,
                                            cashiers.at(int(random.bounded(int(cashiers.size())))));
        const VoidResult inserted = ledger.insertOrder(
                order, demoEvent(order.orderId, at, QStringLiteral("created"), {}, PaymentState::Created,
                                 QStringLiteral("ok"), QStringLiteral("amount %1").arg(order.amount.toDecimalString())));
        if (!inserted.ok())
            return inserted.error();
        if (i < timelines && !appendDemoTimeline(ledger, order))
            return Error { QStringLiteral("seed_failed"), QStringLiteral("Cannot append events") };
        stats.ids << order.orderId;
    }
    stats.orders = count;
    return stats;
}
