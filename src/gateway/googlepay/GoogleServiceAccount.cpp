#include "gateway/googlepay/GoogleServiceAccount.h"

#include "crypto/Jwt.h"
#include "gateway/JsonSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

Result<GoogleServiceAccount> GoogleServiceAccount::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make("service_account_malformed", QStringLiteral("The service-account key is not a JSON object."));
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("type")).toString() != QLatin1String("service_account"))
        return Error::make("service_account_field", QStringLiteral("The key's \"type\" is not \"service_account\"."));
    GoogleServiceAccount account;
    account.m_clientEmail = o.value(QLatin1String("client_email")).toString();
    if (account.m_clientEmail.isEmpty() || !account.m_clientEmail.contains(u'@'))
        return Error::make("service_account_field", QStringLiteral("The key has no valid \"client_email\"."));
    account.m_privateKeyId = o.value(QLatin1String("private_key_id")).toString();
    account.m_tokenUri = JsonSupport::httpUrl(o.value(QLatin1String("token_uri")).toString());
    if (!account.m_tokenUri.isValid())
        return Error::make("service_account_field", QStringLiteral("The key has no valid http(s) \"token_uri\"."));
    const Result<RsaKey> key = RsaKey::fromPem(o.value(QLatin1String("private_key")).toString().toUtf8());
    if (!key.ok() || !key->hasPrivateKey())
        return Error::make("service_account_key", QStringLiteral("The key's \"private_key\" is not an RSA private key PEM."));
    account.m_privateKey = key.value();
    return account;
}

Result<GoogleServiceAccount> GoogleServiceAccount::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make("service_account_unreadable",
                           QStringLiteral("Cannot read the service-account key file %1: %2").arg(path, file.errorString()));
    if (file.size() > 64 * 1024)
        return Error::make("service_account_malformed", QStringLiteral("%1 is too large to be a service-account key.").arg(path));
    return fromJson(file.readAll());
}

Result<QByteArray> GoogleServiceAccount::makeAssertion(const QDateTime &nowUtc) const
{
    const qint64 iat = nowUtc.toSecsSinceEpoch();
    const QJsonObject claims {
        { QStringLiteral("iss"), m_clientEmail },
        { QStringLiteral("scope"), QString(kScope) },
        { QStringLiteral("aud"), m_tokenUri.toString() },
        { QStringLiteral("iat"), iat },
        { QStringLiteral("exp"), iat + 3600 },
    };
    return Jwt::signRs256(claims, m_privateKey, m_privateKeyId);
}

Result<QByteArray> GoogleServiceAccount::tokenRequestBody(const QDateTime &nowUtc) const
{
    const Result<QByteArray> assertion = makeAssertion(nowUtc);
    if (!assertion.ok())
        return assertion.error();
    return QByteArray("grant_type=" + QUrl::toPercentEncoding(QString(kGrantType)) + "&assertion="
                      + QUrl::toPercentEncoding(QString::fromLatin1(assertion.value())));
}
