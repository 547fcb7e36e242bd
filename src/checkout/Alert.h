#pragma once

#include <QDateTime>
#include <QString>

// Something a person must look at: an order whose outcome is unknown, a charge that arrived
// after the cashier cancelled or after the provider's expiry, or money that does not match.
struct Alert
{
    enum class Kind {
        UnknownOutcome, // the outcome cannot be known; resolve by hand
        LateCharge,     // charged after the cashier cancelled: suggest a refund
        LateSuccess,    // charged after the provider's expiry
        AmountMismatch, // the provider reports another amount or currency
        IdentityMismatch, // the provider's answer names another order or merchant
        LedgerFailure,  // the ledger could not be written
    };

    QString orderId;
    Kind kind = Kind::UnknownOutcome;
    QString message;
    QDateTime at;

    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::UnknownOutcome: return QStringLiteral("unknown_outcome");
        case Kind::LateCharge: return QStringLiteral("late_charge");
        case Kind::LateSuccess: return QStringLiteral("late_success");
        case Kind::AmountMismatch: return QStringLiteral("amount_mismatch");
        case Kind::IdentityMismatch: return QStringLiteral("identity_mismatch");
        case Kind::LedgerFailure: return QStringLiteral("ledger_failure");
        }
        return QString();
    }
};
