#include "sandbox/SandboxKeys.h"

#include "crypto/SecureRandom.h"

namespace {

Result<RsaKey> storedOrNew(const QJsonObject &stored, const QString &name)
{
    const QByteArray pem = stored.value(name).toString().toLatin1();
    if (!pem.isEmpty()) {
        Result<RsaKey> key = RsaKey::fromPem(pem);
        if (key && key->hasPrivateKey())
            return key;
    }
    return RsaKey::generate(2048);
}

} // namespace

Result<SandboxKeys> SandboxKeys::loadOrGenerate(const QJsonObject &stored)
{
    SandboxKeys keys;
    Result<RsaKey> cred = storedOrNew(stored, QStringLiteral("cred_private_key"));
    if (!cred)
        return cred.error();
    Result<RsaKey> google = storedOrNew(stored, QStringLiteral("google_private_key"));
    if (!google)
        return google.error();
    keys.m_credKey = cred.value();
    keys.m_googleKey = google.value();
    keys.m_googleKeyId = stored.value(QStringLiteral("google_key_id")).toString();
    if (keys.m_googleKeyId.isEmpty())
        keys.m_googleKeyId = QString::fromLatin1(SecureRandom::bytes(20).toHex());
    return keys;
}

QJsonObject SandboxKeys::toJson() const
{
    return QJsonObject {
        { QStringLiteral("cred_private_key"), QString::fromLatin1(m_credKey.privateKeyPem()) },
        { QStringLiteral("google_private_key"), QString::fromLatin1(m_googleKey.privateKeyPem()) },
        { QStringLiteral("google_key_id"), m_googleKeyId },
    };
}

QString SandboxKeys::googleClientEmail() const
{
    return QStringLiteral("counterpay-sandbox@counterpay-sandbox.iam.gserviceaccount.com");
}

QJsonObject SandboxKeys::googleServiceAccount(const QString &tokenUri) const
{
    return QJsonObject {
        { QStringLiteral("type"), QStringLiteral("service_account") },
        { QStringLiteral("project_id"), QStringLiteral("counterpay-sandbox") },
        { QStringLiteral("private_key_id"), m_googleKeyId },
        { QStringLiteral("private_key"), QString::fromLatin1(m_googleKey.privateKeyPem()) },
        { QStringLiteral("client_email"), googleClientEmail() },
        { QStringLiteral("client_id"), QStringLiteral("100000000000000000001") },
        { QStringLiteral("auth_uri"), tokenUri },
        { QStringLiteral("token_uri"), tokenUri },
    };
}
