#pragma once

#include "core/Result.h"
#include "crypto/RsaKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Compact JWS with RS256 (RSASSA-PKCS1-v1_5 + SHA-256), as Google's service-account JWT-bearer
// grant uses. Only RS256 is accepted on verification: "none", HS256 and anything else fail, so
// a token cannot choose a weaker check.
class Jwt
{
public:
    // Header {"alg":"RS256","typ":"JWT"[,"kid":keyId]}.
    // Error codes: jwt_no_private_key, jwt_sign_failed.
    static Result<QByteArray> signRs256(
        const QJsonObject &claims, const RsaKey &privateKey, const QString &keyId = {});
    // Checks structure, header alg == RS256 (and no "crit"), the signature; returns the claims.
    // Claim checks (exp, aud, scope) are the caller's.
    // Error codes: jwt_malformed (segment count, bad base64url, not a JSON object),
    // jwt_unsupported_alg, jwt_bad_signature, jwt_null_key.
    static Result<QJsonObject> verifyRs256(const QByteArray &token, const RsaKey &publicKey);

    // RFC 7515 base64url without padding.
    static QByteArray base64UrlEncode(const QByteArray &data);
    // Strict: only [A-Za-z0-9_-], no padding, no whitespace; nullopt otherwise.
    static std::optional<QByteArray> base64UrlDecode(const QByteArray &text);
};
