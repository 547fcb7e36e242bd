#include "backoffice/SecretStore.h"

SecretStore::~SecretStore() = default;

Error SecretStore::notFound(const QString &key)
{
    return Error { QStringLiteral("not_found"), QStringLiteral("Nothing is stored under %1.").arg(key) };
}
