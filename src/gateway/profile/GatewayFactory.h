#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "gateway/profile/GatewayProfile.h"
#include "gateway/profile/SecretSource.h"

class HttpClient;
class PaymentGateway;
class QObject;

// Builds the gateway for a provider spec as the CLI spells it ("juspay-upi-qr", "juspay-gpay", "juspay-cred",
// "juspay-wallet:GOPAY", "googlepay", "cmcom") from a profile and a SecretSource. A missing
// section or secret fails with a message naming what to set. The gateway is owned by parent.
class GatewayFactory
{
public:
    static QStringList providerSpecs();
    // The specs a profile configures, in the order a cashier is offered them: juspay-upi-qr,
    // juspay-gpay, juspay-cred, juspay-wallet:NAME for each of [juspay] wallets, googlepay, cmcom.
    static QStringList configuredSpecs(const GatewayProfile &profile);
    static Result<PaymentGateway *> create(const QString &providerSpec, const GatewayProfile &profile,
                                           const SecretSource &secrets, HttpClient *http,
                                           const Clock &clock = Clock::system(), QObject *parent = nullptr);
};
