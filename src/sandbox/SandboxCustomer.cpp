#include "sandbox/SandboxCustomer.h"

#include "sandbox/SandboxContext.h"
#include "sandbox/SandboxLogging.h"
#include "sandbox/SandboxStore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

SandboxCustomer::SandboxCustomer(SandboxContext &context, SandboxScenario scenario, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_scenario(scenario)
{ }

std::optional<SandboxCustomer::Action> SandboxCustomer::actionFromName(QStringView name)
{
    for (Action action : { Action::Approve, Action::Decline, Action::Expire, Action::Fail }) {
        if (name == actionName(action))
            return action;
    }
    return std::nullopt;
}

QString SandboxCustomer::actionName(Action action)
{
    switch (action) {
    case Action::Approve:
        return u"approve"_s;
    case Action::Decline:
        return u"decline"_s;
    case Action::Expire:
        return u"expire"_s;
    case Action::Fail:
        return u"fail"_s;
    }
    return {};
}

std::optional<SandboxOrder> SandboxCustomer::findOrder(
    const QString &id, const QString &provider) const
{
    const QList<SandboxOrder> candidates = m_context.store().findById(id);
    std::optional<SandboxOrder> best;
    for (const SandboxOrder &order : candidates) {
        if (!provider.isEmpty() && SandboxOrder::providerName(order.provider) != provider)
            continue;
        if (order.state == PaymentState::Created || order.state == PaymentState::AwaitingCustomer)
            return order;
        if (!best)
            best = order;
    }
    return best;
}

Result<SandboxOrder> SandboxCustomer::act(const QString &id, Action action, const QString &provider)
{
    const std::optional<SandboxOrder> order = findOrder(id, provider);
    if (!order) {
        return Result<SandboxOrder>::failure(
            u"sandbox_not_found"_s, u"No order with id %1 in the sandbox."_s.arg(id.left(60)));
    }
    return actOnKey(order->key(), action);
}

Result<SandboxOrder> SandboxCustomer::actOnKey(const QString &orderKey, Action action)
{
    std::optional<SandboxOrder> order = m_context.store().find(orderKey);
    if (!order)
        return Result<SandboxOrder>::failure(u"sandbox_not_found"_s, u"No such order."_s);
    if (order->state != PaymentState::Created && order->state != PaymentState::AwaitingCustomer) {
        return Result<SandboxOrder>::failure(u"sandbox_not_pending"_s,
            u"Order %1 is already %2."_s.arg(order->id, PaymentStates::name(order->state)));
    }
    const QDateTime now = m_context.now();
    switch (action) {
    case Action::Approve:
        order->state = PaymentState::Charged;
        ++order->charges;
        order->upiRrn = m_context.randomDigits(12);
        if (order->provider == SandboxOrder::Provider::Juspay && order->txns.isEmpty()) {
            // Paid straight from the payment link, without a /txns call.
            SandboxTxn txn;
            txn.paymentMethodType = u"UPI"_s;
            txn.paymentMethod = u"UPI"_s;
            txn.txnUuid = u"eul"_s + m_context.randomAlphanumeric(14);
            txn.txnId = m_context.options().juspayMerchantId + u'-' + order->id + u"-1"_s;
            txn.authMethod = u"GET"_s;
            txn.created = now;
            order->txns.append(txn);
        }
        break;
    case Action::Decline:
        order->state = PaymentState::Declined;
        order->failureCode = u"ZA"_s;
        order->details.insert(u"failure_message"_s, u"Transaction declined by customer"_s);
        break;
    case Action::Expire:
        order->state = PaymentState::Expired;
        order->failureCode = u"U69"_s;
        order->details.insert(u"failure_message"_s, u"Collect request expired"_s);
        break;
    case Action::Fail:
        order->state = PaymentState::Failed;
        order->failureCode = u"U30"_s;
        order->details.insert(u"failure_message"_s, u"Debit has failed"_s);
        break;
    }
    order->updated = now;
    m_context.store().put(*order);
    qCInfo(lcSandbox) << "customer" << actionName(action) << orderKey;
    return *order;
}

void SandboxCustomer::paymentStarted(const QString &orderKey)
{
    std::optional<Action> action;
    switch (m_scenario.kind()) {
    case SandboxScenario::Kind::ApproveAfter:
        action = Action::Approve;
        break;
    case SandboxScenario::Kind::DeclineAfter:
        action = Action::Decline;
        break;
    case SandboxScenario::Kind::ExpireAfter:
        action = Action::Expire;
        break;
    default:
        break;
    }
    if (!action)
        return;
    const int delay = qBound(0, m_scenario.parameter(), SandboxScenario::kMaxDelayMs);
    QTimer::singleShot(delay, this, [this, orderKey, action] {
        const std::optional<SandboxOrder> order = m_context.store().find(orderKey);
        if (order && order->state == PaymentState::AwaitingCustomer)
            actOnKey(orderKey, *action);
    });
}

void SandboxCustomer::expireIfDue(const QString &orderKey)
{
    const std::optional<SandboxOrder> order = m_context.store().find(orderKey);
    if (order && order->isPending() && order->expiresAt.isValid()
        && order->expiresAt <= m_context.now())
        actOnKey(orderKey, Action::Expire);
}
