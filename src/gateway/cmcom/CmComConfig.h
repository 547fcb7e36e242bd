#pragma once

#include <QString>
#include <QUrl>

// CM.com Google Pay: the profile's [cmcom] section plus the client credentials from
// COUNTERPAY_CMCOM_CLIENT_ID / COUNTERPAY_CMCOM_CLIENT_SECRET (or the keychain).
struct CmComConfig
{
    QUrl baseUrl { QStringLiteral("https://api.pay.cm.com") };
    QString clientId;      // secret-ish: never logged
    QString clientSecret;  // secret: never logged
    QString language = QStringLiteral("en");
    QString returnUrl = QStringLiteral("https://counterpay.invalid/return");
    int expiryMinutes = 15;
    // The merchant id CM.com echoes in a transaction's details.merchantId; when set, an answer
    // naming another merchant is an IdentityMismatch. Empty: not compared.
    QString merchantId;
};
