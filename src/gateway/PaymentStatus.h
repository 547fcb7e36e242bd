#pragma once

#include "core/Money.h"
#include "core/PaymentState.h"

#include <QString>

#include <optional>

// What status() gives back.
//
// `state` is Charged only when the provider says paid AND its reported amount and currency
// equal the order's (amountVerified). A "paid" with another amount or currency gives
// state Unknown with amountMismatch set: money moved, but not what was asked, so a person
// must resolve it. A provider status this code does not know gives Unknown too (and a
// qCWarning), never Charged.
struct PaymentStatus
{
    QString orderId;
    PaymentState state = PaymentState::Unknown;
    QString rawStatus;               // provider status string exactly as received
    bool knownStatus = false;        // false when rawStatus is not in the mapping table
    // The provider knows the order but no payment was ever sent to the customer on it (Juspay:
    // NEW/CREATED with no txn_id): nothing can have been charged, and starting is safe.
    bool noTransaction = false;
    QString txnId;
    QString txnUuid;
    QString googleTransactionId;
    QString upiRrn;
    std::optional<Money> reportedAmount; // what the provider reports (absent if it did not)
    bool amountVerified = false;     // reportedAmount == the order's amount, same currency
    bool amountMismatch = false;     // the provider says paid, but for another amount/currency
    QString failureCode;             // Google failureErrorCode, Juspay bank_error_code ...
    QString failureMessage;
    // Refunds seen at the provider, wherever they were made (CounterPay, a dashboard). Set when
    // the provider reports any: Juspay amount_refunded (or refunded:true = all, or the SUCCESS
    // refunds[]), CM.com refunds.refundedAmount. A paid order with refundedAmount > 0 has state
    // Refunded (refundedAmount >= amount) or PartiallyRefunded.
    std::optional<Money> refundedAmount;
    // CM.com refunds.refundedPendingAmount: asked for, not yet done. It counts as committed when
    // deciding whether a refund was already sent, but it is not in refundedAmount.
    std::optional<Money> refundPendingAmount;
};
