#include "ui/ProviderNames.h"

QString ProviderNames::display(const QString &provider)
{
    if (provider == QLatin1String("juspay-upi-qr"))
        return tr("UPI QR (any UPI app)");
    if (provider == QLatin1String("juspay-gpay"))
        return tr("Google Pay (push, via Juspay)");
    if (provider == QLatin1String("juspay-cred"))
        return tr("CRED (via Juspay)");
    if (provider.startsWith(QLatin1String("juspay-wallet:")))
        return tr("Wallet %1 (via Juspay)").arg(provider.mid(14));
    if (provider == QLatin1String("googlepay"))
        return tr("Google Pay (direct)");
    if (provider == QLatin1String("cmcom"))
        return tr("Google Pay (CM.com)");
    return provider;
}

bool ProviderNames::isPush(const QString &provider)
{
    return provider == QLatin1String("juspay-gpay") || provider == QLatin1String("googlepay");
}
