#pragma once

#include "gateway/HttpClient.h"
#include "gateway/cmcom/CmComConfig.h"
#include "gateway/googlepay/GooglePayConfig.h"
#include "gateway/juspay/JuspayConfig.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

// A loaded profile (see docs/configuration.md for the file format). It holds no secrets:
// GatewayFactory adds them from a SecretSource when it builds a gateway.
struct GatewayProfile
{
    QString filePath;
    bool hasJuspay = false;
    bool hasGooglePay = false;
    bool hasCmCom = false;
    JuspayConfig juspay;
    // [juspay] wallets=GOPAY,PAYTM: the Payments API (inline order) wallets offered; each one
    // is the provider juspay-wallet:NAME. Upper-case letters, digits and '_', in file order.
    QStringList juspayWallets;
    GooglePayConfig googlePay;
    CmComConfig cmcom;
    int timeoutMs = 15'000;
    QList<QSslCertificate> extraCaCertificates; // from ca_file; sandbox URLs only

    HttpClient::Options httpOptions() const
    {
        HttpClient::Options options;
        options.timeoutMs = timeoutMs;
        options.extraCaCertificates = extraCaCertificates;
        return options;
    }
};
