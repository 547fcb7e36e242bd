#include "crypto/Jwt.h"

#include "crypto/OpenSslError.h"
#include "crypto/OpenSslPointers.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>

namespace {

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

std::optional<QJsonObject> decodeJsonObject(const QByteArray &segment)
{
    const std::optional<QByteArray> json = Jwt::base64UrlDecode(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QByteArray Jwt::base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> Jwt::base64UrlDecode(const QByteArray &text)
{
    // A length of 1 mod 4 cannot come from whole bytes.
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        if (!isBase64UrlChar(c))
            return std::nullopt;
    }
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // Reject non-canonical encodings (stray bits in the last character): re-encoding must match.
    if (base64UrlEncode(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

Result<QByteArray> Jwt::signRs256(
    const QJsonObject &claims, const RsaKey &privateKey, const QString &keyId)
{
    if (privateKey.isNull() || !privateKey.hasPrivateKey()) {
        return Error::make(
            "jwt_no_private_key", QStringLiteral("Signing a JWT needs an RSA private key."));
    }
    QJsonObject header { { QStringLiteral("alg"), QStringLiteral("RS256") },
        { QStringLiteral("typ"), QStringLiteral("JWT") } };
    if (!keyId.isEmpty())
        header.insert(QStringLiteral("kid"), keyId);

    const QByteArray signingInput
        = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    OpenSslError::clear();
    const OpenSsl::MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t length = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(signingInput.constData());
    const auto inLength = static_cast<size_t>(signingInput.size());
    if (!ctx
        || EVP_DigestSignInit_ex(
               ctx.get(), nullptr, "SHA256", nullptr, nullptr, privateKey.nativeHandle(), nullptr)
            != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, in, inLength) != 1) {
        return Error::make(
            "jwt_sign_failed", OpenSslError::take(QStringLiteral("Could not sign the JWT")));
    }
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(
            ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, in, inLength)
        != 1) {
        return Error::make(
            "jwt_sign_failed", OpenSslError::take(QStringLiteral("Could not sign the JWT")));
    }
    signature.truncate(static_cast<qsizetype>(length));
    return QByteArray(signingInput + '.' + base64UrlEncode(signature));
}

Result<QJsonObject> Jwt::verifyRs256(const QByteArray &token, const RsaKey &publicKey)
{
    if (publicKey.isNull())
        return Error::make("jwt_null_key", QStringLiteral("No RSA key was given to verify the JWT."));

    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        return Error::make("jwt_malformed",
            QStringLiteral("A signed JWT has 3 dot-separated segments; got %1.").arg(parts.size()));
    }
    const std::optional<QJsonObject> header = decodeJsonObject(parts.at(0));
    if (!header) {
        return Error::make("jwt_malformed",
            QStringLiteral("The JWT header is not base64url-encoded JSON object."));
    }
    const QString alg = header->value(QStringLiteral("alg")).toString();
    if (alg != QStringLiteral("RS256")) {
        return Error::make("jwt_unsupported_alg",
            QStringLiteral("The JWT algorithm must be RS256; got \"%1\".").arg(alg.left(16)));
    }
    if (header->contains(QStringLiteral("crit"))) {
        return Error::make("jwt_unsupported_alg",
            QStringLiteral("The JWT header has critical extensions (\"crit\") that "
                           "are not supported."));
    }
    const std::optional<QByteArray> signature = base64UrlDecode(parts.at(2));
    if (!signature || signature->isEmpty()) {
        return Error::make(
            "jwt_malformed", QStringLiteral("The JWT signature is not valid base64url."));
    }
    const std::optional<QJsonObject> claims = decodeJsonObject(parts.at(1));
    if (!claims) {
        return Error::make("jwt_malformed",
            QStringLiteral("The JWT payload is not a base64url-encoded JSON object."));
    }

    const qsizetype signedLength = parts.at(0).size() + 1 + parts.at(1).size();
    OpenSslError::clear();
    const OpenSsl::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx
        || EVP_DigestVerifyInit_ex(
               ctx.get(), nullptr, "SHA256", nullptr, nullptr, publicKey.nativeHandle(), nullptr)
            != 1) {
        return Error::make("jwt_bad_signature",
            OpenSslError::take(QStringLiteral("Could not set up JWT verification")));
    }
    const int verified = EVP_DigestVerify(ctx.get(),
        reinterpret_cast<const unsigned char *>(signature->constData()),
        static_cast<size_t>(signature->size()),
        reinterpret_cast<const unsigned char *>(token.constData()),
        static_cast<size_t>(signedLength));
    OpenSslError::clear();
    if (verified != 1) {
        return Error::make("jwt_bad_signature",
            QStringLiteral("The JWT signature does not match its content and key."));
    }
    return *claims;
}
