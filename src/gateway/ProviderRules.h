#pragma once

#include "core/Money.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Every payment method CounterPay offers, and what each one is: the one table the engine, the
// cashier's window, the CLI and the back office read. Header only on purpose: the cashier's form
// checks what is typed against the same rules the engine enforces, without linking the gateways.
class ProviderRules
{
public:
    struct Info
    {
        const char *id;          // the provider spec ("juspay-gpay"); a family ends with ':'
        const char *displayName; // English, translated in the "ProviderNames" context; %1: the wallet
        bool push;               // the customer approves on their own phone
        bool showsCode;          // there is a code to scan (or a page to open) on the screen
        bool needsMobile;        // the customer's mobile number is asked for
        const char *currency;    // ISO 4217: what the provider takes
        qint64 maxMinorUnits;    // the largest amount it takes
    };

    // In the order the cashier's picker offers them. The UPI QR needs no mobile (the customer
    // scans it); the wallets' customers sign in on the wallet's page; Google Pay direct is a pure
    // push with nothing to show; CM.com is Google Pay in Europe, in euros.
    static constexpr Info kProviders[] = {
        { "juspay-upi-qr", QT_TRANSLATE_NOOP("ProviderNames", "UPI QR (any UPI app)"), false, true, false, "INR",
          Money::kAbsoluteMaxMinorUnits },
        { "juspay-gpay", QT_TRANSLATE_NOOP("ProviderNames", "Google Pay (push, via Juspay)"), true, true, true, "INR",
          Money::kAbsoluteMaxMinorUnits },
        { "juspay-cred", QT_TRANSLATE_NOOP("ProviderNames", "CRED (via Juspay)"), false, true, true, "INR",
          Money::kAbsoluteMaxMinorUnits },
        { "juspay-wallet:", QT_TRANSLATE_NOOP("ProviderNames", "Wallet %1 (via Juspay)"), false, true, false, "INR",
          Money::kAbsoluteMaxMinorUnits },
        { "googlepay", QT_TRANSLATE_NOOP("ProviderNames", "Google Pay (direct)"), true, false, true, "INR",
          Money::kAbsoluteMaxMinorUnits },
        { "cmcom", QT_TRANSLATE_NOOP("ProviderNames", "Google Pay (CM.com)"), false, true, false, "EUR",
          Money::kCmComMaxMinorUnits },
    };
    static constexpr const char *kUpiQr = "juspay-upi-qr";

    // The row of `provider` ("juspay-wallet:GOPAY" is the wallets' row); nullptr when unknown.
    static const Info *find(const QString &provider)
    {
        for (const Info &info : kProviders) {
            const QLatin1String id(info.id);
            if (id.endsWith(u':') ? provider.startsWith(id) && provider.size() > id.size() : provider == id)
                return &info;
        }
        return nullptr;
    }

    // What the cashier reads for `provider`, in the current language; an unknown id as it is.
    static QString displayName(const QString &provider)
    {
        const Info *info = find(provider);
        if (!info)
            return provider;
        const QString name = QCoreApplication::translate("ProviderNames", info->displayName);
        const QLatin1String id(info->id);
        return id.endsWith(u':') ? name.arg(provider.mid(id.size())) : name;
    }

    // The largest amount a provider takes, in minor units.
    static qint64 maxMinorUnits(const QString &provider)
    {
        const Info *info = find(provider);
        return info ? info->maxMinorUnits : Money::kAbsoluteMaxMinorUnits;
    }
    // Whether the customer acts on their own phone (push) rather than by scanning a code.
    static bool isPush(const QString &provider)
    {
        const Info *info = find(provider);
        return info && info->push;
    }
    // Whether the sale has a code the customer can scan (or a page to open).
    static bool showsQr(const QString &provider)
    {
        const Info *info = find(provider);
        return !info || info->showsCode;
    }
    // Whether a provider needs the customer's mobile number.
    static bool needsMobile(const QString &provider)
    {
        const Info *info = find(provider);
        return !info || info->needsMobile;
    }
    // The dynamic UPI QR through Juspay: a upi://pay code any UPI app pays.
    static bool isUpiQr(const QString &provider) { return provider == QLatin1String(kUpiQr); }
    // Where a sale by `provider` that was declined, expired, failed or refused can go on the
    // same order: the UPI QR, for the Juspay methods that are not already it (the order lives
    // at Juspay, so a UPI_QR transaction can be started on it). Empty: nowhere.
    static QString upiQrFallback(const QString &provider)
    {
        return provider.startsWith(QLatin1String("juspay-")) && !isUpiQr(provider) && find(provider)
                ? QString::fromLatin1(kUpiQr)
                : QString();
    }
    // The region the customer's mobile must be in: the methods that ask for one (push to
    // Google Pay, CRED) reach Indian mobiles only. Empty: any.
    static QString mobileRegion(const QString &provider)
    {
        return needsMobile(provider) ? QStringLiteral("IN") : QString();
    }
    // The currencies a provider takes (ISO 4217). Empty: not restricted here (unknown).
    static QStringList currencies(const QString &provider)
    {
        const Info *info = find(provider);
        return info ? QStringList { QString::fromLatin1(info->currency) } : QStringList();
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
