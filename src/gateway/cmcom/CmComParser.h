#pragma once

#include "core/Money.h"
#include "gateway/GatewayResult.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"

#include <QByteArray>
#include <QStringList>

// CM.com Google Pay response parsers. Pure functions (fuzzed).
//
// status mapping:
//   OPEN       -> awaiting_customer
//   AUTHORIZED -> awaiting_customer (authorised, not yet captured: not money we hold)
//   SUCCESS    -> charged, only when amount (minor units) and currency equal the order's;
//                 else unknown + amountMismatch
//   CANCELLED  -> declined (the customer cancelled on CM.com's page)
//   EXPIRED    -> expired
//   FAILURE    -> failed
//   anything else -> unknown + qCWarning, never charged
class CmComParser
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

    // POST .../transactions/initialize (201): id, action.redirect.url, status, expiresAt.
    static GatewayResult<PaymentSession> parseInitialize(const QByteArray &body, const QString &orderId);
    // GET .../transactions/{id}: the same object, mapped, with the amount check.
    static GatewayResult<PaymentStatus> parseTransaction(const QByteArray &body, const Money &expected);
    // {"status":400,"message":"...","errors":[{"field"|"code":...,"message":...}]}
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
