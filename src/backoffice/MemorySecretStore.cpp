#include "backoffice/MemorySecretStore.h"

#include <QMetaObject>

MemorySecretStore::MemorySecretStore(QObject *parent) : QObject(parent) { }

void MemorySecretStore::later(std::function<void()> call)
{
    ++m_calls;
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

Error MemorySecretStore::unavailable() const
{
    return Error { QStringLiteral("keychain_unavailable"), QStringLiteral("The test keychain is switched off.") };
}

void MemorySecretStore::read(const QString &key, ReadDone done)
{
    later([this, key, done = std::move(done)]() {
        if (!m_available)
            done(unavailable());
        else if (!m_values.contains(key))
            done(notFound(key));
        else
            done(m_values.value(key));
    });
}

void MemorySecretStore::write(const QString &key, const QString &value, Done done)
{
    later([this, key, value, done = std::move(done)]() {
        if (!m_available) {
            done(unavailable());
            return;
        }
        m_values.insert(key, value);
        done(ok());
    });
}

void MemorySecretStore::remove(const QString &key, Done done)
{
    later([this, key, done = std::move(done)]() {
        if (!m_available) {
            done(unavailable());
            return;
        }
        m_values.remove(key);
        done(ok());
    });
}
