#include "backoffice/KeychainSecretStore.h"

#include "backoffice/BackofficeLogging.h"

#include <qt6keychain/keychain.h>

namespace {

Error unavailable(const QKeychain::Job *job)
{
    return Error { QStringLiteral("keychain_unavailable"),
                   QStringLiteral("The system keychain could not be used (%1). Unlock it and try again.")
                           .arg(job->errorString()) };
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

void KeychainSecretStore::prepare(QKeychain::Job *job, const QString &key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    prepare(job, key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
        } else if (finished->error() == QKeychain::EntryNotFound) {
            done(notFound(key));
        } else {
            qCWarning(lcBackoffice).noquote() << "keychain read failed for" << key << finished->errorString();
            done(unavailable(finished));
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    prepare(job, key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            done(ok());
            return;
        }
        qCWarning(lcBackoffice).noquote() << "keychain write failed for" << key << finished->errorString();
        done(unavailable(finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    prepare(job, key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            done(ok());
            return;
        }
        qCWarning(lcBackoffice).noquote() << "keychain delete failed for" << key << finished->errorString();
        done(unavailable(finished));
    });
    job->start();
}
