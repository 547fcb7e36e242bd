#pragma once

#include "backoffice/SecretStore.h"

#include <QHash>
#include <QObject>

// The SecretStore test double: a map in memory, asynchronous like the real keychain (callbacks
// are queued on this object), and able to play a keychain that is not there.
class MemorySecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, Done done) override;
    void remove(const QString &key, Done done) override;

    // false: every call fails with "keychain_unavailable" (a locked or absent keychain).
    void setAvailable(bool available) { m_available = available; }
    // Synchronous peeks for tests.
    bool contains(const QString &key) const { return m_values.contains(key); }
    QString peek(const QString &key) const { return m_values.value(key); }
    int callCount() const { return m_calls; }

private:
    void later(std::function<void()> call);
    Error unavailable() const;

    QHash<QString, QString> m_values;
    bool m_available = true;
    int m_calls = 0;
};
