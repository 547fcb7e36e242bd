#pragma once

#include "core/Money.h"
#include "gateway/GatewayResult.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"

#include <QByteArray>
#include <QStringList>

// Google Pay Omnichannel response parsers. Pure functions (fuzzed).
//
// transactionStatus.status mapping:
//   SUCCESS               -> charged, only when amountPaid equals the order's amount and
//                            currency; else unknown + amountMismatch
//   IN_PROGRESS           -> awaiting_customer
//   PAYMENT_NOT_INITIATED -> awaiting_customer (the customer has not acted yet)
//   DECLINED              -> declined (by the customer)
//   FAILURE               -> failed (failureErrorCode kept)
//   EXPIRED               -> expired
//   anything else         -> unknown + qCWarning, never charged
class GooglePayParser
{
public:
    struct Mapping
    {
        PaymentState state = PaymentState::Unknown;
        bool known = false;
        bool paid = false;
    };

    static Mapping mapStatus(QStringView rawStatus);
    static QStringList knownStatuses();

    // merchantTransactions:get
    static GatewayResult<PaymentStatus> parseTransaction(const QByteArray &body, const Money &expected);
    // merchantPayments:initiate. Google's page does not show this answer; any JSON object is
    // accepted, and the ids and status are taken when present. Push payment: no auth URL.
    static GatewayResult<PaymentSession> parseInitiate(const QByteArray &body, const QString &orderId);
    // {"error":{"code":400,"status":"INVALID_ARGUMENT","message":"..."}}
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
