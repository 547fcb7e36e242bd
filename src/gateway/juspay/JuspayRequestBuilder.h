#pragma once

#include "core/Money.h"
#include "core/PhoneNumber.h"
#include "core/Result.h"
#include "gateway/HttpRequest.h"
#include "gateway/PaymentRequest.h"
#include "gateway/juspay/JuspayConfig.h"

#include <QByteArray>
#include <QList>
#include <QPair>

// Builds Juspay's requests exactly as its documents say: form-encoded bodies, Basic auth with
// base64("key:"), `version`, `x-merchantid`, `x-routing-id`, `format=json`. Pure functions.
class JuspayRequestBuilder
{
public:
    using Form = QList<QPair<QString, QString>>;

    // application/x-www-form-urlencoded, every byte outside [A-Za-z0-9-._~] percent-encoded
    // (so "+91" survives as %2B91).
    static QByteArray encodeForm(const Form &form);

    static QString routingId(const JuspayConfig &config, const QString &orderId,
                             const QString &customerId);
    // The customer_id sent on orders: the request's, else "guest-<order id>".
    static QString customerId(const PaymentRequest &request);

    static HttpRequest baseRequest(const JuspayConfig &config, const QString &path,
                                   const QString &routingId);

    // POST /orders. `expiryMinutes` > 0 adds metadata.expiryInMins (the UPI QR's short life).
    static Form createOrderForm(const JuspayConfig &config, const PaymentRequest &request, int expiryMinutes = 0);
    // POST /txns, Google Pay push to the customer's number (national digits).
    static Form pushTxnForm(const JuspayConfig &config, const QString &orderId,
                            const PhoneNumber &mobile);
    // POST /txns, CRED: sdk_pg_params JSON with phoneNumber = "enc-" + base64(RSA PKCS#1 v1.5).
    static Result<Form> credTxnForm(const JuspayConfig &config, const QString &orderId,
                                    const PhoneNumber &mobile);
    // POST /txns, dynamic UPI QR: payment_method_type=UPI, payment_method=UPI, txn_type=UPI_QR,
    // sdk_params=true, redirect_after_payment=true (../shared/api/juspay-upi-qr.md, Flow A).
    static Form upiQrTxnForm(const JuspayConfig &config, const QString &orderId);
    // POST /txns with the inline order (order.* fields), e.g. payment_method=GOPAY.
    static Form walletTxnForm(const JuspayConfig &config, const PaymentRequest &request,
                              const QString &walletMethod);
    // POST /orders/{id}/refunds
    static Form refundForm(const RefundRequest &request);

    // "enc-" + base64 of the RSA PKCS#1 v1.5 encryption of the national number.
    static Result<QString> encryptPhone(const RsaKey &publicKey, const PhoneNumber &mobile);
    static QString operatingSystemName();
};
