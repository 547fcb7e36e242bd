#pragma once

#include "core/Result.h"
#include "gateway/profile/SecretSource.h"

#include <QHash>
#include <QObject>

#include <functional>

// Gateway secrets in the operating system's keychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows) through QtKeychain, with the insecure plain-file
// fallback switched off: if there is no keychain, there are no secrets, never a file.
//
// QtKeychain is asynchronous; load() reads every secret once (at start) and secret() then
// answers from memory. The values are never logged.
class KeychainSecretSource final : public QObject, public SecretSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretSource)

public:
    using Done = std::function<void(const VoidResult &)>;

    explicit KeychainSecretSource(QString service = QStringLiteral("CounterPay"), QObject *parent = nullptr);

    // Reads all four secrets. A secret that is simply absent is not an error; a keychain that
    // cannot be reached is ("keychain_unavailable").
    void load(Done done);
    // Stores (or, for an empty value, deletes) one secret.
    void store(Secret which, const QString &value, Done done);

    std::optional<QString> secret(Secret which) const override;

    // The key name in the keychain, e.g. "juspay-api-key".
    static QString keyName(Secret which);

private:
    QString m_service;
    QHash<int, QString> m_values;
};
