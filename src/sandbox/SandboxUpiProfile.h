#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What the sandbox's Juspay puts in the sdk_params of a UPI_QR transaction, and the knobs that
// let a client's tests make it answer differently (GET|POST /__sandbox/upi/profile).
struct SandboxUpiProfile
{
    // A handle no PSP issues: ".invalid" is reserved (RFC 2606 / RFC 6761) and no UPI PSP
    // hands out "@invalid" VPAs, so a real UPI app that scans the demo's QR cannot resolve the
    // payee and no money can move.
    QString merchantVpa = QStringLiteral("counterpay.demo@invalid");
    QString merchantName = QStringLiteral("CounterPay Demo Store");
    QString mcc = QStringLiteral("5411"); // grocery stores and supermarkets
    bool includeTid = true;
    qint64 amountOffsetMinor = 0; // paise added to sdk_params.amount (a misreporting gateway)
    QStringList omit; // sdk_params members left out of the answer

    // The sdk_params members the sandbox writes, in order.
    static const QStringList &memberNames();

    // {"merchant_vpa","merchant_name","mcc","include_tid","amount_offset_minor","omit"}.
    QJsonObject toJson() const;
    // The whole profile from `object`: a member left out takes its value from `defaults`.
    // Error code sandbox_bad_profile for an unknown member or a bad value.
    static Result<SandboxUpiProfile> fromJson(
        const QJsonObject &object, const SandboxUpiProfile &defaults);
};
