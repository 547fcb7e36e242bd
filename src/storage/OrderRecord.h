#pragma once

#include "core/Money.h"
#include "core/PaymentState.h"

#include <QDateTime>
#include <QString>

// One sale as the ledger keeps it. The customer's phone is stored encrypted; phoneE164 is
// filled only when a caller asks for it (PhoneAccess::Reveal) and is empty otherwise.
struct OrderRecord
{
    QString orderId;
    QString terminal;
    QString cashier;
    QString provider;  // juspay-gpay, juspay-cred, juspay-wallet:GOPAY, googlepay, cmcom
    QString method;    // provider-side method, e.g. GOOGLEPAY, CRED, GOPAY
    Money amount = Money::fromMinorUnits(0, Currency::inr()).value();
    QString phoneE164;
    QString phoneLast4;
    PaymentState state = PaymentState::Created;
    QString providerStatus;          // the raw status string last seen
    QString txnId;                   // Juspay txn_id
    QString txnUuid;                 // Juspay txn_uuid
    QString providerReference;       // Google transaction id, CM.com transaction id
    QString upiRrn;
    QString authUrl;
    QDateTime expiresAt;             // the provider's expiry, UTC
    bool verified = false;           // provider amount and currency matched the order's
    // As read from the ledger: the larger of CounterPay's own refunds (succeeded or pending)
    // and the provider's refunded figure, at most the amount (OrderQuery::refundedSql). As
    // written: the provider's figure (or CounterPay's, whichever is known to be larger).
    qint64 refundedMinorUnits = 0;
    QString note;
    QDateTime createdAt;             // UTC
    QDateTime updatedAt;             // UTC

    // Whether the sale took money (charged, partially refunded or refunded).
    bool tookMoney() const
    {
        return PaymentStates::isPaid(state);
    }
    // What the sale is worth after refunds: amount - refunded when it took money, else 0
    // (the same as OrderQuery::netSql for the row).
    qint64 netMinorUnits() const
    {
        return tookMoney() ? amount.minorUnits() - qBound<qint64>(0, refundedMinorUnits, amount.minorUnits()) : 0;
    }
};

enum class PhoneAccess {
    Masked, // phoneE164 stays empty; phoneLast4 is enough for screens and search
    Reveal, // decrypt the number (retrying a push payment needs it)
};
