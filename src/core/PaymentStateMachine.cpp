#include "core/PaymentStateMachine.h"

#include "core/CoreLogging.h"

PaymentStateMachine::PaymentStateMachine(PaymentState initial, QString orderId)
    : m_state(initial), m_orderId(std::move(orderId))
{
}

bool PaymentStateMachine::transitionTo(PaymentState next, QStringView reason)
{
    if (!PaymentStates::isLegalTransition(m_state, next)) {
        qCWarning(lcCoreState).noquote()
                << "refused illegal transition" << PaymentStates::name(m_state) << "->"
                << PaymentStates::name(next) << "for order" << m_orderId << "reason:" << reason;
        return false;
    }
    qCInfo(lcCoreState).noquote() << "order" << m_orderId << PaymentStates::name(m_state) << "->"
                                  << PaymentStates::name(next) << reason;
    m_state = next;
    return true;
}
