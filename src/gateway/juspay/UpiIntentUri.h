#pragma once

#include "core/Money.h"
#include "gateway/GatewayResult.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// The upi://pay URI of a dynamic UPI QR, built from what Juspay's UPI_QR transaction answered
// in payment.sdk_params (../shared/api/juspay-upi-qr.md). Pure functions.
//
// - Every member the answer carries under a documented name goes in under its UPI name
//   (merchant_vpa -> pa, merchant_name -> pn, tr, tid, mcc -> mc, amount -> am,
//   currency -> cu); a member also given under its UPI name (pa, pn, mc ...) is taken as is,
//   and the other UPI linking parameters (mode, purpose, orgid, sign ...) pass through.
//   A member the answer did not carry is left out: nothing is made up.
// - am is the order's amount with two fraction digits, after checking that the answer's
//   amount is the same; cu is the order's currency, after the same check.
// - tn (the note the customer's app shows) is the answer's when it has one, else `note`.
// - Values are percent-encoded: everything but A-Z a-z 0-9 - . _ ~ and the '@' of a VPA
//   (which a query may carry as is, RFC 3986, and which real UPI QR codes carry) becomes %XX
//   of its UTF-8 bytes, so a space is %20 and '&' is %26.
//
// Refused (GatewayError::Kind::Refused, no QR): no payee (upi_missing_pa), no reference
// (upi_missing_tr), no amount (upi_missing_amount), an amount or currency that differs from
// the order's (upi_amount_mismatch), or a value that is not text or a number (upi_bad_value).
class UpiIntentUri
{
public:
    struct Built
    {
        QString uri;
        QList<QPair<QString, QString>> parameters; // in URI order, decoded
        QString payeeName;                         // pn, for the screen ("Paying <pn>")
    };

    static GatewayResult<Built> fromSdkParams(const QJsonObject &sdkParams, const Money &orderAmount,
                                              const QString &note);
    static QString encodeValue(const QString &value);
};
