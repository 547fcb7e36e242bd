#pragma once

#include "gateway/GatewayResult.h"

#include <QByteArray>

// An OAuth 2.0 access token answer ({"access_token","expires_in","token_type"}), as Google's
// token endpoint and CM.com's client-credentials endpoint give it. Pure parsers.
struct OAuthToken
{
    QByteArray accessToken;          // secret: never logged
    qint64 expiresInSeconds = 3600;

    static GatewayResult<OAuthToken> parse(const QByteArray &body);
    // {"error":"invalid_grant","error_description":"..."} -> providerCode / message. A token
    // endpoint's 400/401 is an authentication failure, so the kind becomes Auth.
    static GatewayError parseError(const QByteArray &body, GatewayError base);
};
