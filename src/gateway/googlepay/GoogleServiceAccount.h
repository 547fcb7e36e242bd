#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "crypto/RsaKey.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

// A Google service-account JSON key ({"type":"service_account","client_email","private_key_id",
// "private_key","token_uri",...}) and the JWT-bearer assertion made from it. The private key
// never leaves this object except into Jwt::signRs256.
class GoogleServiceAccount
{
public:
    static constexpr QLatin1String kScope { "https://www.googleapis.com/auth/nbupaymentsmerchants" };
    static constexpr QLatin1String kGrantType { "urn:ietf:params:oauth:grant-type:jwt-bearer" };

    // Error codes: service_account_malformed, service_account_field, service_account_key.
    static Result<GoogleServiceAccount> fromJson(const QByteArray &json);
    static Result<GoogleServiceAccount> fromFile(const QString &path);

    QString clientEmail() const { return m_clientEmail; }
    QString privateKeyId() const { return m_privateKeyId; }
    QUrl tokenUri() const { return m_tokenUri; }

    // A signed RS256 JWT: iss = client_email, scope, aud = token_uri, iat = now, exp = now+3600.
    Result<QByteArray> makeAssertion(const QDateTime &nowUtc) const;
    // application/x-www-form-urlencoded body for the token endpoint.
    Result<QByteArray> tokenRequestBody(const QDateTime &nowUtc) const;

private:
    GoogleServiceAccount() = default;

    QString m_clientEmail;
    QString m_privateKeyId;
    QUrl m_tokenUri;
    RsaKey m_privateKey;
};
