#pragma once

#include "sandbox/SandboxOrder.h"

#include <QJsonObject>
#include <QString>

class SandboxContext;

// Juspay's dynamic UPI QR (../shared/api/juspay-upi-qr.md), the sandbox's reading: what a
// UPI_QR /txns answers in payment.sdk_params, the upi://pay URI the QR carries, and what the
// order status adds for such a transaction.
class SandboxUpiQr
{
public:
    // Gives `txn` a fresh transaction reference (tr) and the profile's VPA, and returns the
    // sdk_params: merchant_vpa, merchant_name, tr, tid (unless include_tid is off), mcc,
    // amount (rupees, two fraction digits, plus amount_offset_minor) and currency "INR", minus
    // the profile's `omit`. All values are strings. Stores them on `txn` as well.
    static QJsonObject issue(SandboxContext &context, const SandboxOrder &order, SandboxTxn &txn);

    // upi://pay?pa=..&pn=..&tr=..&tid=..&mc=..&am=..&cu=..&tn=.. from the txn's own sdk_params
    // (a member left out of them is left out here), every value percent-encoded.
    static QString uri(const SandboxOrder &order, const SandboxTxn &txn);

    // For an order whose last txn is UPI_QR: txn_flow_type "UPI_QR" (also in txn_detail).
    // For every charged order: payment_gateway_response with the UPI RRN.
    static void addStatusFields(QJsonObject &status, const SandboxOrder &order);
};
