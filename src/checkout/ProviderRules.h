#pragma once

#include "core/Money.h"

#include <QString>

// The engine's published limits per provider. Header-only on purpose: the cashier's form checks
// what is typed against the same rules the engine enforces, without linking the engine.
class ProviderRules
{
public:
    // The largest amount a provider takes, in minor units.
    static qint64 maxMinorUnits(const QString &provider)
    {
        return provider == QLatin1String("cmcom") ? Money::kCmComMaxMinorUnits : Money::kAbsoluteMaxMinorUnits;
    }
    // Whether the sale has a code the customer can scan (or a page to open). Google Pay
    // direct is a pure push: the customer approves on their phone, there is nothing to show.
    static bool showsQr(const QString &provider)
    {
        return provider != QLatin1String("googlepay");
    }
    // Whether a provider needs the customer's mobile number.
    // CM.com and the Juspay wallets (the customer signs in on the wallet's page) need no mobile.
    static bool needsMobile(const QString &provider)
    {
        return provider != QLatin1String("cmcom") && !provider.startsWith(QLatin1String("juspay-wallet:"));
    }
};
