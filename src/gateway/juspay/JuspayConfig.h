#pragma once

#include "crypto/RsaKey.h"

#include <QString>
#include <QUrl>

// Everything a Juspay client needs, from the profile's [juspay] section plus the API key from
// a SecretSource. Plain data.
struct JuspayConfig
{
    // How x-routing-id is chosen. Juspay asks for the same value on every call of one
    // customer; a counter sale has no account, so the default keys it on the order (all calls
    // of one sale share it: create, txns, status, refunds).
    enum class RoutingPolicy {
        Order,    // x-routing-id = order id
        Customer, // x-routing-id = PaymentRequest/OrderRef customerId (order id if empty)
        Fixed,    // x-routing-id = fixedRoutingId for every call (one terminal = one "customer")
    };

    QUrl baseUrl { QStringLiteral("https://sandbox.juspay.in") };
    QString merchantId;
    QString apiKey;                       // secret: never logged
    QString apiVersion = QStringLiteral("2023-06-30"); // the `version` header
    RoutingPolicy routingPolicy = RoutingPolicy::Order;
    QString fixedRoutingId;
    QString returnUrl;                    // order return_url; omitted when empty
    RsaKey credPublicKey;                 // Juspay's key for CRED phone encryption
    QString credPlatform = QStringLiteral("web");
    QString credDevice = QStringLiteral("desktop");
    QString credOs;                       // empty: derived from the running OS
    bool credAppPresent = false;          // the customer's phone is not ours to inspect
    // juspay-upi-qr: how long the QR's order may be paid, in whole minutes. Sent on POST
    // /orders as metadata.expiryInMins (Juspay's order-expiry option) and shown as the
    // countdown. The till's setting (Settings' QrLifetimeMinutes) fills it.
    int upiQrLifetimeMinutes = 5;
};
