#include "gateway/profile/GatewayFactory.h"

#include "gateway/cmcom/CmComGateway.h"
#include "gateway/googlepay/GooglePayGateway.h"
#include "gateway/juspay/JuspayGateway.h"

namespace {

QString missingSecret(SecretSource::Secret which)
{
    return QStringLiteral("Set %1 (or store it in the keychain).").arg(SecretSource::environmentName(which));
}

} // namespace

QStringList GatewayFactory::providerSpecs()
{
    return { QStringLiteral("juspay-upi-qr"), QStringLiteral("juspay-gpay"), QStringLiteral("juspay-cred"),
             QStringLiteral("juspay-wallet:METHOD"),
             QStringLiteral("googlepay"), QStringLiteral("cmcom") };
}

QStringList GatewayFactory::configuredSpecs(const GatewayProfile &profile)
{
    QStringList specs;
    if (profile.hasJuspay) {
        // The dynamic UPI QR first: any UPI app pays it, and it is where a refused push goes.
        specs << QStringLiteral("juspay-upi-qr") << QStringLiteral("juspay-gpay") << QStringLiteral("juspay-cred");
        for (const QString &wallet : profile.juspayWallets)
            specs << QStringLiteral("juspay-wallet:") + wallet;
    }
    if (profile.hasGooglePay)
        specs << QStringLiteral("googlepay");
    if (profile.hasCmCom)
        specs << QStringLiteral("cmcom");
    return specs;
}

Result<PaymentGateway *> GatewayFactory::create(const QString &spec, const GatewayProfile &profile,
                                                const SecretSource &secrets, HttpClient *http,
                                                const Clock &clock, QObject *parent)
{
    using Secret = SecretSource::Secret;
    if (spec.startsWith(QLatin1String("juspay-"))) {
        JuspayGateway::Flow flow;
        QString wallet;
        if (spec == QLatin1String("juspay-upi-qr")) {
            flow = JuspayGateway::Flow::UpiQr;
        } else if (spec == QLatin1String("juspay-gpay")) {
            flow = JuspayGateway::Flow::GooglePayPush;
        } else if (spec == QLatin1String("juspay-cred")) {
            flow = JuspayGateway::Flow::Cred;
        } else if (spec.startsWith(QLatin1String("juspay-wallet:")) && spec.size() > 14) {
            flow = JuspayGateway::Flow::Wallet;
            wallet = spec.mid(14).toUpper();
            for (QChar ch : std::as_const(wallet)) {
                if (!ch.isLetterOrNumber() && ch != u'_')
                    return Error::make("provider_unknown", QStringLiteral("The wallet name '%1' is not valid.").arg(spec.mid(14, 20)));
            }
        } else {
            return Error::make("provider_unknown", QStringLiteral("Unknown provider '%1'. Use one of: %2.")
                                                    .arg(spec.left(40), providerSpecs().join(QStringLiteral(", "))));
        }
        if (!profile.hasJuspay)
            return Error::make("profile_missing", QStringLiteral("%1 has no [juspay] section.").arg(profile.filePath));
        JuspayConfig config = profile.juspay;
        const auto key = secrets.secret(Secret::JuspayApiKey);
        if (!key)
            return Error::make("secret_missing", QStringLiteral("No Juspay API key. ") + missingSecret(Secret::JuspayApiKey));
        config.apiKey = *key;
        if (flow == JuspayGateway::Flow::Cred && config.credPublicKey.isNull())
            return Error::make("profile_missing", QStringLiteral("%1: [juspay] cred_public_key_file is needed for juspay-cred.")
                                                   .arg(profile.filePath));
        return static_cast<PaymentGateway *>(new JuspayGateway(http, std::move(config), flow, wallet, clock, parent));
    }
    if (spec == QLatin1String("googlepay")) {
        if (!profile.hasGooglePay)
            return Error::make("profile_missing", QStringLiteral("%1 has no [googlepay] section.").arg(profile.filePath));
        GooglePayConfig config = profile.googlePay;
        const auto path = secrets.secret(Secret::GooglePayServiceAccountFile);
        if (!path)
            return Error::make("secret_missing", QStringLiteral("No Google service-account key. ")
                                                  + missingSecret(Secret::GooglePayServiceAccountFile));
        const auto account = GoogleServiceAccount::fromFile(*path);
        if (!account.ok())
            return Error::make("secret_bad", account.errorMessage());
        config.serviceAccount = account.value();
        return static_cast<PaymentGateway *>(new GooglePayGateway(http, std::move(config), clock, parent));
    }
    if (spec == QLatin1String("cmcom")) {
        if (!profile.hasCmCom)
            return Error::make("profile_missing", QStringLiteral("%1 has no [cmcom] section.").arg(profile.filePath));
        CmComConfig config = profile.cmcom;
        if (const auto id = secrets.secret(Secret::CmComClientId))
            config.clientId = *id;
        if (config.clientId.isEmpty())
            return Error::make("secret_missing", QStringLiteral("No CM.com client id. ") + missingSecret(Secret::CmComClientId));
        const auto secret = secrets.secret(Secret::CmComClientSecret);
        if (!secret)
            return Error::make("secret_missing", QStringLiteral("No CM.com client secret. ") + missingSecret(Secret::CmComClientSecret));
        config.clientSecret = *secret;
        return static_cast<PaymentGateway *>(new CmComGateway(http, std::move(config), clock, parent));
    }
    return Error::make("provider_unknown", QStringLiteral("Unknown provider '%1'. Use one of: %2.")
                                            .arg(spec.left(40), providerSpecs().join(QStringLiteral(", "))));
}
