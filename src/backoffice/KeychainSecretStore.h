#pragma once

#include "backoffice/SecretStore.h"

#include <QObject>

namespace QKeychain {
class Job;
}

// Secrets in the operating system's keychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows) through QtKeychain, insecure plain-file fallback OFF: where
// there is no keychain there are no secrets, never a file. Values are never logged.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    // `service` groups CounterPay's entries; tests pass a service of their own.
    explicit KeychainSecretStore(QString service = QStringLiteral("CounterPay"), QObject *parent = nullptr);

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, Done done) override;
    void remove(const QString &key, Done done) override;

    QString service() const { return m_service; }

private:
    void prepare(QKeychain::Job *job, const QString &key);

    QString m_service;
};
