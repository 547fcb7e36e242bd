#include "LedgerSeed.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace {

struct ProviderMethod
{
    const char *provider;
    const char *method;
    bool juspay;
};

const ProviderMethod kProviders[] = {
    { "juspay-gpay", "GOOGLEPAY", true },
    { "juspay-cred", "CRED", true },
    { "juspay-wallet:GOPAY", "GOPAY", true },
    { "googlepay", "GOOGLEPAY", false },
    { "cmcom", "UPI", false },
};

const PaymentState kStates[] = {
    PaymentState::Charged, PaymentState::Charged, PaymentState::Charged, PaymentState::Failed,
    PaymentState::Declined, PaymentState::Expired, PaymentState::Cancelled, PaymentState::Unknown,
    PaymentState::Refunded, PaymentState::PartiallyRefunded, PaymentState::AwaitingCustomer,
};

const char *const kCashiers[] = { "asha", "ravi", "meena" };
const char *const kPhones[] = { "+919876543210", "+919812343210", "+919800001111", "+917000004242", "+918888800042" };

bool matches(const OrderRecord &order, const OrderFilter &filter)
{
    if (filter.since.isValid() && order.createdAt < filter.since)
        return false;
    if (filter.until.isValid() && order.createdAt >= filter.until)
        return false;
    if (!filter.states.isEmpty() && !filter.states.contains(order.state))
        return false;
    if (!filter.provider.isEmpty() && order.provider != filter.provider)
        return false;
    if (!filter.method.isEmpty() && order.method != filter.method)
        return false;
    if (!filter.cashier.isEmpty() && order.cashier != filter.cashier)
        return false;
    if (!filter.phoneLast4.isEmpty() && order.phoneLast4 != filter.phoneLast4)
        return false;
    if (!filter.search.isEmpty() && order.orderId != filter.search && order.txnId != filter.search
        && order.providerReference != filter.search && order.upiRrn != filter.search)
        return false;
    if (filter.minAmountMinorUnits >= 0 && order.amount.minorUnits() < filter.minAmountMinorUnits)
        return false;
    if (filter.maxAmountMinorUnits >= 0 && order.amount.minorUnits() > filter.maxAmountMinorUnits)
        return false;
    if (filter.beforeCreatedAt.isValid()) {
        if (order.createdAt > filter.beforeCreatedAt)
            return false;
        if (order.createdAt == filter.beforeCreatedAt && (filter.beforeOrderId.isEmpty() || order.orderId >= filter.beforeOrderId))
            return false;
    }
    return true;
}

} // namespace

QDateTime LedgerSeed::start()
{
    return QDateTime(QDate(2026, 11, 19), QTime(16, 0), QTimeZone::utc());
}

PhoneVault LedgerSeed::vault()
{
    return PhoneVault::fromKey(QByteArray(PhoneVault::kKeyLength, 'h')).value();
}

QString LedgerSeed::fill(const QString &file, int count, quint32 seed)
{
    path = file;
    auto opened = SqliteLedger::open(path, vault());
    if (!opened)
        return opened.errorMessage();
    ledger = std::move(opened).value();
    QRandomGenerator random(seed);
    QDateTime at = start();
    for (int i = 0; i < count; ++i) {
        // One order in four shares the previous order's millisecond.
        if (i > 0 && random.bounded(4) != 0)
            at = at.addMSecs(1 + random.bounded(45 * 60 * 1000));
        const ProviderMethod &pm = kProviders[random.bounded(int(std::size(kProviders)))];
        OrderRecord order;
        // Random ids, so the tie-break by id is not simply the insertion order.
        order.orderId = QStringLiteral("T0%1%2").arg(1 + i % 3).arg(QString::number(random.generate(), 36).toUpper());
        order.terminal = order.orderId.left(3);
        order.cashier = QString::fromLatin1(kCashiers[random.bounded(3)]);
        order.provider = QString::fromLatin1(pm.provider);
        order.method = QString::fromLatin1(pm.method);
        order.amount = Money::fromMinorUnits(100 + random.bounded(500'000), Currency::inr()).value();
        if (random.bounded(4) != 0)
            order.phoneE164 = QString::fromLatin1(kPhones[random.bounded(int(std::size(kPhones)))]);
        order.phoneLast4 = order.phoneE164.right(4);
        order.state = kStates[random.bounded(int(std::size(kStates)))];
        if (pm.juspay)
            order.txnId = QStringLiteral("cp-%1-1").arg(order.orderId);
        else
            order.providerReference = QStringLiteral("REF%1").arg(i, 6, 10, QLatin1Char('0'));
        if (order.state == PaymentState::Charged || order.state == PaymentState::Refunded
            || order.state == PaymentState::PartiallyRefunded)
            order.upiRrn = QStringLiteral("6%1").arg(100'000'000'000LL + i * 7919LL);
        if (order.state == PaymentState::Refunded)
            order.refundedMinorUnits = order.amount.minorUnits();
        else if (order.state == PaymentState::PartiallyRefunded)
            order.refundedMinorUnits = qMax<qint64>(1, order.amount.minorUnits() / 3);
        order.createdAt = at;
        order.updatedAt = at.addSecs(20);
        OrderEvent event;
        event.orderId = order.orderId;
        event.kind = QStringLiteral("created");
        event.at = at;
        if (VoidResult inserted = ledger->insertOrder(order, event); !inserted)
            return inserted.errorMessage();
        order.phoneE164.clear(); // what a masked read returns
        orders.append(order);

        // A succeeded refund for each refunded sale, hours later (often the next day); a
        // failed attempt on some charged ones.
        QString refundState = order.refundedMinorUnits > 0 ? QStringLiteral("succeeded")
                : (order.state == PaymentState::Charged && random.bounded(5) == 0) ? QStringLiteral("failed")
                                                                                   : QString();
        if (!refundState.isEmpty()) {
            RefundRecord refund;
            refund.uniqueRequestId = u"RF" + order.orderId;
            refund.orderId = order.orderId;
            refund.amountMinorUnits = order.refundedMinorUnits > 0 ? order.refundedMinorUnits : order.amount.minorUnits();
            refund.currency = QStringLiteral("INR");
            refund.state = refundState;
            refund.requestedBy = QStringLiteral("manager");
            refund.createdAt = at.addSecs(3600 * (1 + random.bounded(30)));
            refund.updatedAt = refund.createdAt;
            OrderEvent refundEvent;
            refundEvent.orderId = order.orderId;
            refundEvent.kind = QStringLiteral("note");
            refundEvent.at = refund.createdAt;
            if (VoidResult inserted = ledger->insertRefund(refund, refundEvent); !inserted)
                return inserted.errorMessage();
            refunds.append(refund);
        }
    }
    return QString();
}

QList<OrderRecord> LedgerSeed::expected(const OrderFilter &filter) const
{
    QList<OrderRecord> found;
    for (const OrderRecord &order : orders) {
        if (matches(order, filter))
            found.append(order);
    }
    std::sort(found.begin(), found.end(), [](const OrderRecord &a, const OrderRecord &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.orderId > b.orderId;
    });
    return found;
}

QStringList LedgerSeed::ids(const QList<OrderRecord> &orders)
{
    QStringList list;
    for (const OrderRecord &order : orders)
        list.append(order.orderId);
    return list;
}
