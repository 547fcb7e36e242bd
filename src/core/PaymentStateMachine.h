#pragma once

#include "core/PaymentState.h"

// Holds one sale's state and applies only legal transitions. An illegal request is refused,
// logged under counterpay.core.state, and leaves the state as it was.
class PaymentStateMachine
{
public:
    explicit PaymentStateMachine(PaymentState initial = PaymentState::Created,
                                 QString orderId = QString());

    PaymentState state() const { return m_state; }
    bool isFinal() const { return PaymentStates::isFinal(m_state); }

    // Returns true when the transition was applied. `reason` goes into the log line.
    bool transitionTo(PaymentState next, QStringView reason = {});

private:
    PaymentState m_state;
    QString m_orderId;
};
