#pragma once

#include "core/Money.h"
#include "core/PhoneNumber.h"

#include <QString>
#include <QUrl>

#include <optional>

// What the checkout engine asks a gateway to do. Plain data; the engine fills them from the
// ledger row, so a retry or a resume sends exactly the same ids again.

// Start a payment for one order (a sale). The order id is the idempotency key: the engine
// never generates a second id for the same sale.
struct PaymentRequest
{
    QString orderId;                 // OrderId::toString(); reference / transactionId at the provider
    Money amount = Money::fromMinorUnits(0, Currency::inr()).value();
    std::optional<PhoneNumber> mobile; // required by Juspay push/CRED and Google direct
    QString customerId;              // optional; Juspay customer_id and x-routing-id source
    QString description;             // shown to the customer where the provider supports it
    QString language;                // ISO 639-1 for CM.com; empty = profile default
    // The transaction's own id where the client names it (Google Pay direct: one
    // transactionId per attempt, see PaymentGateway::transactionIdFor); empty = the provider
    // assigns one (Juspay, CM.com).
    QString transactionId;
};

// Identifies an order for status and refund calls.
struct OrderRef
{
    QString orderId;
    // What was asked: a provider's "paid" only counts when amount and currency equal this.
    Money amount = Money::fromMinorUnits(0, Currency::inr()).value();
    // False for an order that is not in this ledger (`status --provider`): there is no amount to
    // check, so a "paid" is reported as the provider's mapped state, unverified, without a
    // mismatch warning. Never false for a sale CounterPay tracks.
    bool verifyAmount = true;
    // The provider's own transaction id, from PaymentSession::txnId. CM.com needs it for the
    // status and refund URLs (its ids are not ours); Google Pay direct asks by the attempt's
    // transactionId (the order id, then order id + "-2", ...); Juspay keys on orderId.
    QString providerTxnId;
    QString customerId;              // the same value start() got (Juspay x-routing-id)
};

struct RefundRequest
{
    OrderRef order;
    Money amount = Money::fromMinorUnits(0, Currency::inr()).value(); // what to give back
    // Idempotency key: a retry with the same id never refunds twice. Keep it in the ledger.
    QString uniqueRequestId;
    // Minor units (order.amount's currency) the ledger believes were refunded or are pending for
    // this order BEFORE this refund. CM.com has no idempotency key: CmComGateway compares the
    // provider's refundedAmount + refundedPendingAmount with alreadyRefunded + amount to tell a
    // refund already applied (its answer lost earlier) from one still to send.
    qint64 alreadyRefunded = 0;
};
