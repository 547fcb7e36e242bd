#pragma once

#include "core/Money.h"

#include <QString>
#include <QStringList>

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
    // CM.com, the Juspay wallets (the customer signs in on the wallet's page) and the UPI QR
    // (the customer scans it) need no mobile.
    static bool needsMobile(const QString &provider)
    {
        return provider != QLatin1String("cmcom") && !provider.startsWith(QLatin1String("juspay-wallet:"))
                && !isUpiQr(provider);
    }
    // The dynamic UPI QR through Juspay: a upi://pay code any UPI app pays.
    static bool isUpiQr(const QString &provider) { return provider == QLatin1String("juspay-upi-qr"); }
    // Where a sale by `provider` that was declined, expired, failed or refused can go on the
    // same order: the UPI QR, for the Juspay methods that are not already it (the order lives
    // at Juspay, so a UPI_QR transaction can be started on it). Empty: nowhere.
    static QString upiQrFallback(const QString &provider)
    {
        return provider.startsWith(QLatin1String("juspay-")) && !isUpiQr(provider) ? QStringLiteral("juspay-upi-qr")
                                                                                    : QString();
    }
    // The region the customer's mobile must be in: the push methods (Google Pay through
    // Juspay, CRED, Google Pay direct) reach Indian mobiles only. Empty: any.
    static QString mobileRegion(const QString &provider)
    {
        return needsMobile(provider) ? QStringLiteral("IN") : QString();
    }
    // The currencies a provider takes (ISO 4217). Juspay and Google Pay India: rupees. CM.com
    // (Google Pay in Europe): euros. Empty: not restricted here.
    static QStringList currencies(const QString &provider)
    {
        if (provider.startsWith(QLatin1String("juspay-")) || provider == QLatin1String("googlepay"))
            return { QStringLiteral("INR") };
        if (provider == QLatin1String("cmcom"))
            return { QStringLiteral("EUR") };
        return {};
    }
    // The currency a sale by `provider` is in: the terminal's when the provider takes it,
    // otherwise the provider's own (a till in rupees that also offers CM.com sells in euros
    // there). An unknown code keeps the terminal's.
    static QString currencyFor(const QString &provider, const QString &terminalCurrency)
    {
        const QStringList taken = currencies(provider);
        return taken.isEmpty() || taken.contains(terminalCurrency) ? terminalCurrency : taken.first();
    }
    // The terminal's per-sale ceiling unless a setting says otherwise: ₹2,00,000.00, the common
    // UPI per-payment limit (and below each provider's own maximum).
    static constexpr qint64 kDefaultSaleCeilingMinor = 20'000'000;
};
