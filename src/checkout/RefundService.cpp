#include "checkout/RefundService.h"

#include "checkout/CheckoutLogging.h"
#include "gateway/PaymentGateway.h"
#include "storage/Ledger.h"

RefundService::RefundService(Ledger &ledger, const QList<PaymentGateway *> &gateways, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_ledger(ledger), m_clock(clock)
{
    for (PaymentGateway *gateway : gateways)
        m_gateways.insert(gateway->providerName(), gateway);
}

Result<QString> RefundService::refund(const QString &orderId, std::optional<Money> amount, const QString &actor)
{
    const auto stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make("not_found", QStringLiteral("There is no order %1 in the ledger.").arg(orderId));
    const OrderRecord order = *stored.value();
    if (!PaymentStates::isRefundable(order.state)) {
        return Error::make("not_refundable", QStringLiteral("Order %1 is %2; only charged sales can be refunded.")
                                                   .arg(orderId, PaymentStates::name(order.state)));
    }
    PaymentGateway *gateway = m_gateways.value(order.provider);
    if (!gateway)
        return Error::make("unknown_provider", QStringLiteral("The order's provider %1 is not configured.").arg(order.provider));

    const Result<QList<RefundRecord>> existing = m_ledger.refunds(orderId);
    if (!existing)
        return existing.error();
    qint64 committed = 0;
    const RefundRecord *unfinished = nullptr;
    for (const RefundRecord &refund : existing.value()) {
        if (refund.state != QLatin1String("failed"))
            committed += refund.amountMinorUnits;
        if (refund.state == QLatin1String("requested") || refund.state == QLatin1String("unknown"))
            unfinished = &refund;
    }
    // Refunds the provider reported (made in its dashboard, say) count as well; CounterPay's own
    // are in both figures, so the larger one is what went back.
    const qint64 remaining = order.amount.minorUnits() - qMax(committed, order.refundedMinorUnits);

    RefundRecord refund;
    if (unfinished) {
        // A refund whose outcome we never learnt: send it again with the same key.
        refund = *unfinished;
        if (amount && amount->minorUnits() != refund.amountMinorUnits) {
            return Error::make("refund_pending", QStringLiteral("Refund %1 of %2 is still unresolved; run the same "
                                                              "refund again before asking for another amount.")
                                                       .arg(refund.uniqueRequestId)
                                                       .arg(Money::fromMinorUnits(refund.amountMinorUnits, order.amount.currency())->toDecimalString()));
        }
    } else {
        const Money value = amount ? *amount : Money::fromMinorUnits(remaining, order.amount.currency()).value();
        if (value.currency() != order.amount.currency())
            return Error::make("wrong_currency", QStringLiteral("The sale was in %1.").arg(order.amount.currency().code()));
        if (std::optional<Error> bounds = value.checkPaymentBounds(remaining)) {
            return Error::make(bounds->code == QLatin1String("exceeds_maximum") ? "exceeds_refundable" : "not_positive",
                             QStringLiteral("At most %1 %2 of order %3 can still be refunded.")
                                     .arg(Money::fromMinorUnits(qMax<qint64>(remaining, 0), order.amount.currency())->toDecimalString(),
                                          order.amount.currency().code(), orderId));
        }
        refund.uniqueRequestId = QStringLiteral("%1R%2").arg(orderId).arg(existing->size() + 1);
        refund.orderId = orderId;
        refund.amountMinorUnits = value.minorUnits();
        refund.currency = value.currency().code();
        refund.state = QStringLiteral("requested");
        refund.requestedBy = actor;
        refund.createdAt = m_clock.nowUtc();
        refund.updatedAt = refund.createdAt;
        OrderEvent event { 0, orderId, refund.createdAt, QStringLiteral("refund"), {}, {}, QString(),
                           QStringLiteral("requested"),
                           QStringLiteral("%1 %2 as %3").arg(value.toDecimalString(), refund.currency, refund.uniqueRequestId) };
        if (VoidResult inserted = m_ledger.insertRefund(refund, event); !inserted)
            return inserted.error();
        m_ledger.appendAudit({ 0, refund.createdAt, actor, QStringLiteral("manager"), QStringLiteral("refund"), orderId,
                               QStringLiteral("%1 %2").arg(value.toDecimalString(), refund.currency) });
    }

    RefundRequest request;
    request.order.orderId = orderId;
    request.order.amount = order.amount;
    request.order.providerTxnId = order.txnId;
    request.amount = Money::fromMinorUnits(refund.amountMinorUnits, order.amount.currency()).value();
    request.uniqueRequestId = refund.uniqueRequestId;
    // What CounterPay itself asked back before this refund (CM.com compares it with its own
    // figures to tell an applied refund whose answer was lost from one still to send).
    request.alreadyRefunded = unfinished ? committed - refund.amountMinorUnits : committed;
    const qint64 committedAfter = request.alreadyRefunded + refund.amountMinorUnits;
    gateway->refund(request, this, [this, refund, order, committedAfter](const GatewayResult<RefundResult> &result) mutable {
        refund.updatedAt = m_clock.nowUtc();
        OrderEvent event { 0, order.orderId, refund.updatedAt, QStringLiteral("refund"), {}, {}, QString(), QString(), QString() };
        if (!result) {
            const GatewayError &error = result.error();
            refund.state = error.outcomeUnknown || error.isTransport() ? QStringLiteral("unknown") : QStringLiteral("failed");
            event.outcome = refund.state;
            event.detail = error.toString();
            m_ledger.updateRefund(refund, event);
            emit refundFailed(order.orderId, error);
            return;
        }
        const RefundResult &answer = result.value();
        refund.providerRefundId = answer.refundId;
        refund.state = RefundResult::stateName(answer.state);
        event.providerStatus = answer.rawStatus;
        event.outcome = refund.state;
        event.detail = refund.uniqueRequestId;
        m_ledger.updateRefund(refund, event);

        QString message = QStringLiteral("refund %1 is %2").arg(refund.uniqueRequestId, refund.state);
        if (answer.state == RefundResult::State::Succeeded || answer.state == RefundResult::State::Pending) {
            // Money is on its way back: the order records it (a failed refund later is a new event).
            const auto fresh = m_ledger.findOrder(order.orderId, PhoneAccess::Masked);
            if (fresh && fresh.value()) {
                OrderRecord updated = *fresh.value();
                const PaymentState from = updated.state;
                // The provider's figure (from a status check) may already include this refund.
                updated.refundedMinorUnits = qMax(updated.refundedMinorUnits, committedAfter);
                updated.state = updated.refundedMinorUnits >= updated.amount.minorUnits() ? PaymentState::Refunded
                                                                                          : PaymentState::PartiallyRefunded;
                updated.updatedAt = refund.updatedAt;
                OrderEvent transition { 0, order.orderId, refund.updatedAt, QStringLiteral("transition"), from,
                                        updated.state, answer.rawStatus, QStringLiteral("refund"), refund.uniqueRequestId };
                if (PaymentStates::isLegalTransition(from, updated.state)) {
                    if (VoidResult written = m_ledger.updateOrder(updated, from, transition); !written)
                        message += QStringLiteral("; the ledger could not record it: ") + written.errorMessage();
                }
            }
        }
        qCInfo(lcCheckout).noquote() << "order" << order.orderId << message;
        emit refundFinished(order.orderId, refund, message);
    });
    return refund.uniqueRequestId;
}
