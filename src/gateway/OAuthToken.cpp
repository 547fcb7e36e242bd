#include "gateway/OAuthToken.h"

#include "gateway/JsonSupport.h"

GatewayResult<OAuthToken> OAuthToken::parse(const QByteArray &body)
{
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("token answer"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    OAuthToken token;
    const QJsonValue value = o.value(QLatin1String("access_token"));
    token.accessToken = value.toString().toUtf8();
    const bool printable = std::all_of(token.accessToken.cbegin(), token.accessToken.cend(),
                                       [](char c) { return c > 0x20 && c < 0x7f; });
    if (!value.isString() || token.accessToken.isEmpty() || token.accessToken.size() > 4096 || !printable)
        return GatewayResult<OAuthToken>::failure(GatewayError::Kind::Malformed,
                                                  QStringLiteral("The token answer has no usable access_token."));
    const QString type = JsonSupport::string(o, QLatin1String("token_type"));
    if (!type.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return GatewayResult<OAuthToken>::failure(GatewayError::Kind::Malformed,
                                                  QStringLiteral("The token is not a Bearer token."));
    const QJsonValue expires = o.value(QLatin1String("expires_in"));
    if (expires.isDouble() || expires.isString()) {
        bool ok = expires.isDouble();
        const qint64 seconds = expires.isDouble() ? expires.toInteger(-1) : expires.toString().toLongLong(&ok);
        if (!ok || seconds <= 0 || seconds > 366LL * 86400)
            return GatewayResult<OAuthToken>::failure(GatewayError::Kind::Malformed,
                                                      QStringLiteral("The token's expires_in is not a positive number."));
        token.expiresInSeconds = seconds;
    }
    return token;
}

GatewayError OAuthToken::parseError(const QByteArray &body, GatewayError base)
{
    if (base.httpStatus == 400 || base.httpStatus == 401 || base.httpStatus == 403)
        base.kind = GatewayError::Kind::Auth;
    const auto parsed = JsonSupport::parseObject(body, QStringLiteral("token error"));
    if (!parsed)
        return base;
    const QString code = JsonSupport::string(parsed.value(), QLatin1String("error"));
    const QString description = JsonSupport::string(parsed.value(), QLatin1String("error_description"));
    if (!code.isEmpty())
        base.providerCode = JsonSupport::cleanText(code, 80);
    if (!description.isEmpty())
        base.message = QStringLiteral("Token endpoint: ") + JsonSupport::cleanText(description);
    return base;
}
