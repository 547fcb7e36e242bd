#pragma once

#include "core/Result.h"
#include "crypto/RsaKey.h"

#include <QJsonObject>
#include <QString>

// The key pairs the sandbox holds: CRED's phone-number encryption key (Juspay gives merchants
// its public half) and the Google service account whose JWT assertions the token endpoint
// accepts. Generated at first start; kept in the state file so clients' copies stay valid.
class SandboxKeys
{
public:
    // Reads keys from `stored` (as toJson() wrote) or generates them. Error codes come from
    // counterpay_crypto (rsa_*).
    static Result<SandboxKeys> loadOrGenerate(const QJsonObject &stored);

    QJsonObject toJson() const;

    const RsaKey &credKey() const { return m_credKey; }
    const RsaKey &googleKey() const { return m_googleKey; }
    QString googleKeyId() const { return m_googleKeyId; }
    QString googleClientEmail() const;
    // A Google service-account key file whose token_uri is tokenUri.
    QJsonObject googleServiceAccount(const QString &tokenUri) const;

private:
    RsaKey m_credKey;
    RsaKey m_googleKey;
    QString m_googleKeyId;
};
