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
    // Whether a provider needs the customer's mobile number.
    static bool needsMobile(const QString &provider) { return provider != QLatin1String("cmcom"); }
};
