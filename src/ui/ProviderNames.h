#pragma once

#include <QCoreApplication>
#include <QString>

// What the cashier reads for a provider name such as "juspay-gpay".
class ProviderNames
{
    Q_DECLARE_TR_FUNCTIONS(ProviderNames)

public:
    static QString display(const QString &provider);
    // Whether the customer acts on their own phone (push) rather than by scanning the QR.
    static bool isPush(const QString &provider);
};
