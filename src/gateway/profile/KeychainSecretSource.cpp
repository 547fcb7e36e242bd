#include "gateway/profile/KeychainSecretSource.h"

#include "gateway/GatewayLogging.h"

#include <qt6keychain/keychain.h>

#include <memory>

namespace {

constexpr SecretSource::Secret kAll[] = { SecretSource::Secret::JuspayApiKey, SecretSource::Secret::CmComClientId,
                                          SecretSource::Secret::CmComClientSecret,
                                          SecretSource::Secret::GooglePayServiceAccountFile };

Error keychainError(const QKeychain::Job *job)
{
    return Error { QStringLiteral("keychain_unavailable"),
                   QStringLiteral("The system keychain could not be used (%1). Unlock it, or set the "
                                  "secrets in the environment for headless use.")
                           .arg(job->errorString()) };
}

} // namespace

KeychainSecretSource::KeychainSecretSource(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

QString KeychainSecretSource::keyName(Secret which)
{
    switch (which) {
    case Secret::JuspayApiKey: return QStringLiteral("juspay-api-key");
    case Secret::CmComClientId: return QStringLiteral("cmcom-client-id");
    case Secret::CmComClientSecret: return QStringLiteral("cmcom-client-secret");
    case Secret::GooglePayServiceAccountFile: return QStringLiteral("googlepay-service-account-file");
    }
    return QString();
}

void KeychainSecretSource::load(Done done)
{
    auto remaining = std::make_shared<int>(int(std::size(kAll)));
    auto failure = std::make_shared<std::optional<Error>>();
    for (Secret which : kAll) {
        auto *job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(keyName(which));
        connect(job, &QKeychain::Job::finished, this, [this, which, remaining, failure, done](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError) {
                m_values.insert(int(which), static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
            } else if (finished->error() != QKeychain::EntryNotFound && !*failure) {
                *failure = keychainError(finished);
                qCWarning(lcGateway).noquote() << "keychain read failed for" << keyName(which) << finished->errorString();
            }
            if (--*remaining == 0)
                done(*failure ? VoidResult(**failure) : ok());
        });
        job->start();
    }
}

void KeychainSecretSource::store(Secret which, const QString &value, Done done)
{
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(value);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyName(which));
    connect(job, &QKeychain::Job::finished, this, [this, which, value, done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError
            && !(value.isEmpty() && finished->error() == QKeychain::EntryNotFound)) {
            done(keychainError(finished));
            return;
        }
        if (value.isEmpty())
            m_values.remove(int(which));
        else
            m_values.insert(int(which), value);
        done(ok());
    });
    job->start();
}

std::optional<QString> KeychainSecretSource::secret(Secret which) const
{
    const auto found = m_values.constFind(int(which));
    if (found == m_values.constEnd() || found->isEmpty())
        return std::nullopt;
    return *found;
}
