#include "core/PaymentState.h"

#include <array>
#include <utility>

namespace {

using S = PaymentState;

struct StateInfo
{
    S state;
    const char16_t *name;
    bool final;
    bool paid; // the customer's money was taken (what is refunded is still a sale that was paid)
    bool retryable;
    bool refundable; // paid, with money left to give back
};

constexpr StateInfo kStates[] = {
    { S::Created, u"created", false, false, false, false },
    { S::Submitting, u"submitting", false, false, false, false },
    { S::AwaitingCustomer, u"awaiting_customer", false, false, false, false },
    { S::Charged, u"charged", true, true, false, true },
    { S::Failed, u"failed", true, false, true, false },
    { S::Declined, u"declined", true, false, true, false },
    { S::Expired, u"expired", true, false, true, false },
    { S::Cancelled, u"cancelled", true, false, false, false },
    { S::Unknown, u"unknown", false, false, true, false },
    { S::Refunded, u"refunded", true, true, false, false },
    { S::PartiallyRefunded, u"partially_refunded", true, true, false, true },
};

// The legal transitions, all in one place.
// - A failed, declined or expired sale may be retried: a new transaction on the same order.
// - The provider's word on money that moved always wins: a late success after expiry, decline,
//   failure or a cashier's cancel is recorded as Charged (and the engine raises an alert).
// - Unknown resolves only through a status query (or a manager), to any outcome. Unknown ->
//   Submitting is the retry of a sale the gateway was asked about and said it holds no payment
//   for (SaleTracker::initiate looks first); it is never a blind second payment.
constexpr std::pair<S, S> kTransitions[] = {
    { S::Created, S::Submitting },
    { S::Created, S::Cancelled },
    { S::Created, S::Failed },
    { S::Created, S::Unknown },

    { S::Submitting, S::AwaitingCustomer },
    { S::Submitting, S::Charged },
    { S::Submitting, S::Failed },
    { S::Submitting, S::Declined },
    { S::Submitting, S::Expired },
    { S::Submitting, S::Cancelled },
    { S::Submitting, S::Unknown },

    { S::AwaitingCustomer, S::Charged },
    { S::AwaitingCustomer, S::Failed },
    { S::AwaitingCustomer, S::Declined },
    { S::AwaitingCustomer, S::Expired },
    { S::AwaitingCustomer, S::Cancelled },
    { S::AwaitingCustomer, S::Unknown },
    { S::AwaitingCustomer, S::Submitting },

    { S::Unknown, S::AwaitingCustomer },
    { S::Unknown, S::Charged },
    { S::Unknown, S::Failed },
    { S::Unknown, S::Declined },
    { S::Unknown, S::Expired },
    { S::Unknown, S::Cancelled },
    { S::Unknown, S::Submitting },
    { S::Unknown, S::Refunded },
    { S::Unknown, S::PartiallyRefunded },

    { S::Failed, S::Submitting },
    { S::Failed, S::Charged },
    { S::Declined, S::Submitting },
    { S::Declined, S::Charged },
    { S::Expired, S::Submitting },
    { S::Expired, S::Charged },
    { S::Cancelled, S::Charged },

    { S::Charged, S::Refunded },
    { S::Charged, S::PartiallyRefunded },
    { S::PartiallyRefunded, S::PartiallyRefunded },
    { S::PartiallyRefunded, S::Refunded },
};

const StateInfo &infoOf(S state)
{
    for (const StateInfo &info : kStates) {
        if (info.state == state)
            return info;
    }
    Q_UNREACHABLE();
}

} // namespace

QString PaymentStates::name(PaymentState state)
{
    return QString::fromUtf16(infoOf(state).name);
}

std::optional<PaymentState> PaymentStates::fromName(QStringView name)
{
    for (const StateInfo &info : kStates) {
        if (name == QStringView(info.name))
            return info.state;
    }
    return std::nullopt;
}

QList<PaymentState> PaymentStates::all()
{
    QList<PaymentState> states;
    for (const StateInfo &info : kStates)
        states.append(info.state);
    return states;
}

bool PaymentStates::isFinal(PaymentState state)
{
    return infoOf(state).final;
}

bool PaymentStates::isRetryable(PaymentState state)
{
    return infoOf(state).retryable;
}

bool PaymentStates::isPaid(PaymentState state)
{
    return infoOf(state).paid;
}

bool PaymentStates::isRefundable(PaymentState state)
{
    return infoOf(state).refundable;
}

bool PaymentStates::countsAsOutcome(PaymentState state)
{
    return infoOf(state).final;
}

bool PaymentStates::endedUnpaid(PaymentState state)
{
    const StateInfo &info = infoOf(state);
    return info.final && !info.paid;
}

bool PaymentStates::isLegalTransition(PaymentState from, PaymentState to)
{
    for (const auto &[a, b] : kTransitions) {
        if (a == from && b == to)
            return true;
    }
    return false;
}
