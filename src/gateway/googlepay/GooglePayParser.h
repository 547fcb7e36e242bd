#pragma once

#include "core/Money.h"
#include "gateway/AnswerIdentity.h"
#include "gateway/GatewayResult.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"
#include "gateway/StatusTable.h"

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
    using Mapping = StatusTable::Mapping;

    static Mapping mapStatus(QStringView rawStatus);
    static QStringList knownStatuses();

    // Identity: an answer is about our order only if its transactionId (and
    // merchantTransactionId or merchantTransactionDetails.transactionId, when sent) equal
    // expected.orderId, and merchantInfo.googleMerchantId, when sent, equals
    // expected.merchantId. Anything else is Kind::IdentityMismatch (logged), never a status.

    // merchantTransactions:get. transactionId is required.
    static GatewayResult<PaymentStatus> parseTransaction(const QByteArray &body, const AnswerIdentity &expected,
                                                         const Money &amount);
    // merchantPayments:initiate. Google's page does not show this answer; any JSON object is
    // accepted, and the ids and status are taken when present (an id that is present must be
    // ours). Push payment: no auth URL.
    static GatewayResult<PaymentSession> parseInitiate(const QByteArray &body, const AnswerIdentity &expected);
    // {"error":{"code":400,"status":"INVALID_ARGUMENT","message":"..."}}
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
