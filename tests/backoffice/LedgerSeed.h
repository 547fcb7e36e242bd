#pragma once

// Writes orders and refunds straight into a real ledger, as the checkout engine would have.
#include "storage/Ledger.h"

inline OrderRecord seedOrder(const QString &orderId, const QDateTime &createdUtc, qint64 minor, PaymentState state,
                             const QString &provider = QStringLiteral("juspay-gpay"),
                             const QString &method = QStringLiteral("GOOGLEPAY"))
{
    OrderRecord order;
    order.orderId = orderId;
    order.terminal = QStringLiteral("T01");
    order.cashier = QStringLiteral("asha");
    order.provider = provider;
    order.method = method;
    order.amount = Money::fromMinorUnits(minor, Currency::inr()).value();
    order.phoneE164 = QStringLiteral("+919876543210");
    order.state = state;
    order.verified = state == PaymentState::Charged || state == PaymentState::PartiallyRefunded
            || state == PaymentState::Refunded;
    order.createdAt = createdUtc;
    order.updatedAt = createdUtc;
    return order;
}

inline VoidResult insert(Ledger &ledger, const OrderRecord &order)
{
    OrderEvent event;
    event.orderId = order.orderId;
    event.at = order.createdAt;
    event.kind = QStringLiteral("created");
    event.toState = order.state;
    return ledger.insertOrder(order, event);
}

inline VoidResult insertRefund(Ledger &ledger, const QString &orderId, const QString &key, qint64 minor,
                               const QString &state, const QDateTime &createdUtc)
{
    RefundRecord refund;
    refund.uniqueRequestId = key;
    refund.orderId = orderId;
    refund.amountMinorUnits = minor;
    refund.currency = QStringLiteral("INR");
    refund.state = state;
    refund.requestedBy = QStringLiteral("meera");
    refund.createdAt = createdUtc;
    refund.updatedAt = createdUtc;
    OrderEvent event;
    event.orderId = orderId;
    event.at = createdUtc;
    event.kind = QStringLiteral("refund");
    event.outcome = state;
    return ledger.insertRefund(refund, event);
}
