#pragma once

#include "core/Money.h"
#include "gateway/AnswerIdentity.h"
#include "gateway/GatewayResult.h"
#include "gateway/PaymentSession.h"
#include "gateway/PaymentStatus.h"
#include "gateway/RefundResult.h"
#include "gateway/StatusTable.h"

#include <QByteArray>
#include <QList>

// Juspay response parsers: pure functions from a body to a typed result, so they can be
// tested with the documents' samples and fuzzed without a network.
//
// Status mapping (on the status STRING, never status_id; see ../shared/api/README.md):
//   NEW STARTED CREATED PENDING_VBV VBV_SUCCESSFUL AUTHORIZING AUTHORIZED TO_BE_CHARGED
//   CAPTURE_INITIATED VOID_INITIATED                      -> awaiting_customer (not final)
//   CHARGED                                              -> charged, only when amount and
//                                                           currency equal the order's; else
//                                                           unknown + amountMismatch; with
//                                                           refunds seen: refunded or
//                                                           partially_refunded
//   AUTHENTICATION_FAILED (the customer did not approve) -> declined; with bank_error_code U69
//   (the collect request expired) -> expired
//   JUSPAY_DECLINED (Juspay's risk checks), AUTHORIZATION_FAILED (bank), CAPTURE_FAILED
//                                                        -> failed
//   AUTO_REFUNDED (paid late, Juspay gave it back)       -> failed (no money kept; the sale
//                                                           is not paid; reported as such)
//   VOIDED (authorisation released, nothing captured)    -> cancelled
//   PARTIAL_CHARGED, VOID_FAILED, COD_INITIATED          -> unknown (money may be held in a
//                                                           way a counter sale never expects:
//                                                           a person must look)
//   anything else                                        -> unknown + qCWarning, never charged
class JuspayParser
{
public:
    using Mapping = StatusTable::Mapping;

    static Mapping mapStatus(QStringView rawStatus);
    static QStringList knownStatuses();

    // Every answer must name `expected.orderId` in order_id (and, when the answer carries a
    // merchant_id and expected.merchantId is set, that merchant); another order or merchant is
    // Kind::IdentityMismatch (logged on lcGatewayJuspay). A missing order_id is Malformed.

    // POST /orders: the order's status string ("CREATED").
    static GatewayResult<QString> parseOrderCreate(const QByteArray &body, const AnswerIdentity &expected);
    // POST /txns (push, CRED collect/intent, inline order wallets).
    static GatewayResult<PaymentSession> parseTxn(const QByteArray &body, const AnswerIdentity &expected);
    // POST /txns with txn_type=UPI_QR: parseTxn, then the upi://pay URI from
    // payment.sdk_params (UpiIntentUri), checked against the order's amount. A QR that
    // cannot be trusted is Kind::Refused (see UpiIntentUri): no session, so no QR.
    static GatewayResult<PaymentSession> parseUpiQrTxn(const QByteArray &body, const AnswerIdentity &expected,
                                                       const Money &orderAmount, const QString &note);
    // GET /orders/{id}: mapped status, references, amount check against `amount`.
    // verifyAmount false (an order not in this ledger): a CHARGED stays Charged with
    // amountVerified false and no mismatch warning.
    // Refunds made anywhere (CounterPay or Juspay's dashboard) are read from amount_refunded;
    // without it, refunded:true means all of it, and without either, the SUCCESS entries of
    // refunds[] are summed (PENDING / MANUAL_REVIEW ones go to refundPendingAmount). A paid
    // order with a refunded total > 0 is Refunded (total >= amount) or PartiallyRefunded.
    static GatewayResult<PaymentStatus> parseOrderStatus(const QByteArray &body, const AnswerIdentity &expected,
                                                         const Money &amount, bool verifyAmount = true);
    // POST /orders/{id}/refunds: the refund carrying uniqueRequestId. order_id, when present,
    // must be expected.orderId (a bare refund object may leave it out: its unique_request_id
    // is ours alone).
    static GatewayResult<RefundResult> parseRefund(const QByteArray &body, const AnswerIdentity &expected,
                                                   const QString &uniqueRequestId, const Currency &currency);
    // Fills providerCode and message of `base` (from HttpClient::statusError) from a Juspay
    // error body {"status":"error","error_code":...,"error_message":...,"error_info":{...}}.
    // A body that is not JSON leaves base as it is.
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
