#include "backoffice/Reconciler.h"

#include "backoffice/BackofficeLogging.h"
#include "backoffice/ZReport.h"
#include "gateway/PaymentGateway.h"
#include "storage/Ledger.h"

#include <QMetaObject>

#include <algorithm>

namespace {

constexpr int kPageSize = 1000;

QString amountText(qint64 minorUnits, const Currency &currency)
{
    const Result<Money> money = Money::fromMinorUnits(minorUnits, currency);
    return money ? money->toDecimalString() + u' ' + currency.code() : QString::number(minorUnits);
}

ReconciliationLine lineFor(const OrderRecord &order)
{
    ReconciliationLine line;
    line.orderId = order.orderId;
    line.provider = order.provider;
    line.ledgerState = order.state;
    line.ledgerAmountMinorUnits = order.amount.minorUnits();
    line.currency = order.amount.currency().code();
    line.ledgerRefundedMinorUnits = order.refundedMinorUnits;
    line.ledgerNetMinorUnits = order.netMinorUnits();
    return line;
}

} // namespace

Reconciler::Reconciler(Ledger &ledger, const QList<PaymentGateway *> &gateways, QObject *parent)
    : QObject(parent), m_ledger(ledger)
{
    for (PaymentGateway *gateway : gateways)
        m_gateways.insert(gateway->providerName(), gateway);
}

bool Reconciler::isDoubtful(const OrderRecord &order)
{
    if (!PaymentStates::isFinal(order.state))
        return true;
    return order.tookMoney() && !order.verified;
}

void Reconciler::run(const QDate &day, const QTimeZone &zone)
{
    if (m_running)
        return;
    OrderFilter filter;
    filter.since = QDateTime(day, QTime(0, 0), zone).toUTC();
    filter.until = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    filter.limit = kPageSize;
    m_pending.clear();
    m_lines.clear();
    for (;;) {
        const Result<QList<OrderRecord>> page = m_ledger.findOrders(filter);
        if (!page) {
            const QString message = page.errorMessage();
            QMetaObject::invokeMethod(this, [this, message]() { emit failed(message); }, Qt::QueuedConnection);
            return;
        }
        for (const OrderRecord &order : page.value()) {
            if (isDoubtful(order))
                m_pending.append(order);
        }
        if (page->size() < kPageSize)
            break;
        filter.startAfter(page->last().createdAt, page->last().orderId);
    }
    std::reverse(m_pending.begin(), m_pending.end()); // oldest first
    m_total = int(m_pending.size());
    m_done = 0;
    m_inFlight = 0;
    m_running = true;
    qCInfo(lcBackoffice).noquote() << "reconciling" << day.toString(Qt::ISODate) << ":" << m_total << "orders to re-check";
    if (m_total == 0) {
        QMetaObject::invokeMethod(this, [this]() { completeOne(); }, Qt::QueuedConnection);
        return;
    }
    startNext();
}

void Reconciler::startNext()
{
    while (m_inFlight < kConcurrency && !m_pending.isEmpty()) {
        const OrderRecord order = m_pending.takeFirst();
        PaymentGateway *gateway = m_gateways.value(order.provider);
        ++m_inFlight;
        if (!gateway) {
            QMetaObject::invokeMethod(this, [this, order]() {
                ReconciliationLine line = lineFor(order);
                line.gatewayState = QStringLiteral("error");
                line.difference = QStringLiteral("No gateway is configured for %1, so it could not be asked.").arg(order.provider);
                m_lines.append(line);
                completeOne();
            }, Qt::QueuedConnection);
            continue;
        }
        OrderRef ref;
        ref.orderId = order.orderId;
        ref.amount = order.amount;
        ref.providerTxnId = order.txnId;
        gateway->status(ref, this, [this, order](const GatewayResult<PaymentStatus> &result) {
            if (result)
                onStatus(order, result.value());
            else
                onError(order, result.error());
        });
    }
}

void Reconciler::onStatus(const OrderRecord &order, const PaymentStatus &status)
{
    ReconciliationLine line = lineFor(order);
    line.gatewayAmountMinorUnits = status.reportedAmount ? status.reportedAmount->minorUnits() : -1;
    if (status.refundedAmount && status.refundedAmount->currency() == order.amount.currency())
        line.gatewayRefundedMinorUnits = status.refundedAmount->minorUnits();
    // More refunded at the provider than the ledger knows: a refund made outside CounterPay.
    const bool refundedElsewhere = line.gatewayRefundedMinorUnits > order.refundedMinorUnits;
    // A "paid" for another amount maps to Unknown in PaymentStatus; for the manager it is a charge.
    line.gatewayState = status.amountMismatch ? PaymentStates::name(PaymentState::Charged) : PaymentStates::name(status.state);
    const QString ledgerAmount = amountText(order.amount.minorUnits(), order.amount.currency());
    if (status.amountMismatch) {
        const QString gatewayAmount = status.reportedAmount
                ? status.reportedAmount->toDecimalString() + u' ' + status.reportedAmount->currency().code()
                : QStringLiteral("another amount");
        line.difference = QStringLiteral("The gateway charged %1, but the ledger has %2 (ledger state %3).")
                                  .arg(gatewayAmount, ledgerAmount, PaymentStates::name(order.state));
    } else if (refundedElsewhere) {
        line.difference = QStringLiteral("The gateway reports %1 refunded, the ledger %2 (net %3 of %4); "
                                         "re-check the order to record it.")
                                  .arg(amountText(line.gatewayRefundedMinorUnits, order.amount.currency()),
                                       amountText(order.refundedMinorUnits, order.amount.currency()),
                                       amountText(order.netMinorUnits(), order.amount.currency()), ledgerAmount);
    } else if (status.state != order.state) {
        line.difference = QStringLiteral("The ledger says %1, the gateway says %2 (%3).")
                                  .arg(PaymentStates::name(order.state), PaymentStates::name(status.state),
                                       status.rawStatus.isEmpty() ? QStringLiteral("no status") : status.rawStatus);
    } else if (PaymentStates::isPaid(order.state) && !order.verified && !status.amountVerified) {
        line.difference = QStringLiteral("Both say %1, but the gateway did not confirm the amount %2.")
                                  .arg(PaymentStates::name(order.state), ledgerAmount);
    } else if (PaymentStates::isPaid(order.state) && !order.verified) {
        line.difference = QStringLiteral("Both say %1 for %2; the ledger had not recorded the amount as verified.")
                                  .arg(PaymentStates::name(order.state), ledgerAmount);
    }
    if (!line.difference.isEmpty())
        m_lines.append(line);
    completeOne();
}

void Reconciler::onError(const OrderRecord &order, const GatewayError &error)
{
    ReconciliationLine line = lineFor(order);
    line.gatewayState = QStringLiteral("error");
    line.difference = error.kind == GatewayError::Kind::NotFound
            ? QStringLiteral("The gateway has no such order, but the ledger says %1.").arg(PaymentStates::name(order.state))
            : QStringLiteral("The gateway could not be asked: %1").arg(error.toString());
    m_lines.append(line);
    completeOne();
}

void Reconciler::completeOne()
{
    if (m_total > 0) {
        --m_inFlight;
        ++m_done;
        emit progress(m_done, m_total);
        if (m_done < m_total) {
            startNext();
            return;
        }
    }
    m_running = false;
    qCInfo(lcBackoffice).noquote() << "reconciliation done:" << m_lines.size() << "differences in" << m_total << "orders";
    emit finished(m_lines);
}
