#pragma once

#include "sandbox/SandboxUpiProfile.h"

#include <QHostAddress>
#include <QString>

class Clock;

// How a sandbox is started. The defaults are the documented default credentials, printed by
// `counterpay-sandbox` at start and listed in its --help.
struct SandboxOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    bool tls = false;
    QString scenario = QStringLiteral("manual");
    quint64 seed = 0;
    QString stateFile; // empty = memory only

    QString juspayMerchantId = QStringLiteral("counterpay_demo");
    QString juspayApiKey = QStringLiteral("sandbox-juspay-key");
    QString cmClientId = QStringLiteral("sandbox-cm-client");
    QString cmClientSecret = QStringLiteral("sandbox-cm-secret");
    QString googleMerchantId = QStringLiteral("BCR2DN4TCOUNTERPAY");
    // Juspay UPI_QR sdk_params at start; GET|POST /__sandbox/upi/profile changes them later.
    SandboxUpiProfile upi;

    // The time seam: nullptr is the system clock; tests pass a ManualClock (not owned) to make
    // order expiry (metadata.expiryInMins, Google expiryTime, CM.com expiresAt) come due.
    const Clock *clock = nullptr;
};
