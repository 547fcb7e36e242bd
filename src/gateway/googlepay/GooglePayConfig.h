#pragma once

#include "gateway/googlepay/GoogleServiceAccount.h"

#include <QString>
#include <QUrl>

#include <optional>

// Google Pay Omnichannel (direct): the profile's [googlepay] section plus the service-account
// key whose path comes from COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE / the keychain.
struct GooglePayConfig
{
    QUrl baseUrl { QStringLiteral("https://nbupayments.googleapis.com") };
    QString googleMerchantId;
    std::optional<GoogleServiceAccount> serviceAccount;
    int expiryMinutes = 10;            // expiryTime = now + this
    QString originatingPlatform = QStringLiteral("OFFLINE");
    QString upiVpa;                    // optional merchantTransactionDetails.upiPaymentDetails.vpa
};
