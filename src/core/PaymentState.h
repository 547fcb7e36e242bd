#pragma once

#include <QList>
#include <QString>

#include <optional>

// The one state machine every provider's statuses map into. The lower-case names are stable:
// they are stored in the ledger and printed by the CLI.
enum class PaymentState {
    Created,           // in the ledger, nothing sent yet
    Submitting,        // a payment request is on its way to the gateway
    AwaitingCustomer,  // the gateway has it; the customer has to act
    Charged,           // paid, amount and currency verified
    Failed,            // the gateway or bank failed it
    Declined,          // the customer declined
    Expired,           // nobody acted before the expiry
    Cancelled,         // the cashier cancelled it
    Unknown,           // the outcome cannot be known yet (lost response, gateway unreachable)
    Refunded,          // the whole amount went back
    PartiallyRefunded, // part of the amount went back
};

namespace PaymentStates {

QString name(PaymentState state);
std::optional<PaymentState> fromName(QStringView name);
QList<PaymentState> all();

// Final states end polling. Unknown is not final: it waits for a status query or a manager.
bool isFinal(PaymentState state);
// Whether the legal-transition table allows from -> to. Staying in a state is not a transition
// (PartiallyRefunded -> PartiallyRefunded, a second partial refund, is the one exception).
bool isLegalTransition(PaymentState from, PaymentState to);
// Whether Retry (F6, `pay --order-id` again) may act on a sale in this state: failed, declined,
// expired or unknown. A retry always asks the gateway first and starts a new transaction only
// when the gateway holds none that is pending or paid, so it never charges twice.
bool isRetryable(PaymentState state);
// Whether the customer's money was taken: charged, partially refunded or refunded. What the Z
// report and the charts count as sales.
bool isPaid(PaymentState state);
// Whether a refund may be asked for: charged or partially refunded (money left to give back).
bool isRefundable(PaymentState state);
// Whether the sale reached a verdict (a final state): what a success rate divides by.
bool countsAsOutcome(PaymentState state);
// A verdict without payment: failed, declined, expired or cancelled. A transaction in one of
// these can never be paid, so a retry may start a new one beside it.
bool endedUnpaid(PaymentState state);

} // namespace PaymentStates
