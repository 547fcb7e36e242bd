#include "gateway/profile/SecretSource.h"

#include <QtGlobal>

SecretSource::~SecretSource() = default;

QString SecretSource::environmentName(Secret which)
{
    switch (which) {
    case Secret::JuspayApiKey: return QStringLiteral("COUNTERPAY_JUSPAY_API_KEY");
    case Secret::CmComClientId: return QStringLiteral("COUNTERPAY_CMCOM_CLIENT_ID");
    case Secret::CmComClientSecret: return QStringLiteral("COUNTERPAY_CMCOM_CLIENT_SECRET");
    case Secret::GooglePayServiceAccountFile: return QStringLiteral("COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE");
    }
    return {};
}

std::optional<QString> EnvironmentSecretSource::secret(Secret which) const
{
    const QByteArray name = environmentName(which).toLatin1();
    if (!qEnvironmentVariableIsSet(name.constData()))
        return std::nullopt;
    const QString value = qEnvironmentVariable(name.constData()).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    return value;
}
