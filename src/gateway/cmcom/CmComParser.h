#pragma once

#include "core/Money.h"
#include "gateway/AnswerIdentity.h"
#include "gateway/GatewayResult.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"
#include "gateway/StatusTable.h"

#include <QByteArray>
#include <QStringList>

// CM.com Google Pay response parsers. Pure functions (fuzzed).
//
// status mapping:
//   OPEN       -> awaiting_customer
//   AUTHORIZED -> awaiting_customer (authorised, not yet captured: not money we hold)
//   SUCCESS    -> charged, only when amount (minor units) and currency equal the order's;
//                 else unknown + amountMismatch; with refunds.refundedAmount > 0: refunded
//                 (all of it) or partially_refunded
//   CANCELLED  -> declined (the customer cancelled on CM.com's page)
//   EXPIRED    -> expired
//   FAILURE    -> failed
//   anything else -> unknown + qCWarning, never charged
class CmComParser
{
public:
    using Mapping = StatusTable::Mapping;

    static Mapping mapStatus(QStringView rawStatus);
    static QStringList knownStatuses();

    // Identity: `reference` must be expected.orderId, `id` must be expected.providerTxnId
    // when that is set (we asked by id), and details.merchantId, when sent, must be
    // expected.merchantId when that is set. Anything else is Kind::IdentityMismatch (logged).

    // POST .../transactions/initialize (201): id, action.redirect.url, status, expiresAt. The
    // reference is required: it is the only thing that ties the new transaction to our order.
    static GatewayResult<PaymentSession> parseInitialize(const QByteArray &body, const AnswerIdentity &expected);
    // GET .../transactions/{id} (and the refund call's answer): the same object, mapped, with
    // the amount check. refunds.refundedAmount is refundedAmount (a SUCCESS with a refunded
    // amount > 0 is refunded or partially_refunded); refunds.refundedPendingAmount is
    // refundPendingAmount (asked for, not yet done: it does not change the state).
    static GatewayResult<PaymentStatus> parseTransaction(const QByteArray &body, const AnswerIdentity &expected,
                                                         const Money &amount);
    // {"status":400,"message":"...","errors":[{"field"|"code":...,"message":...}]}
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
