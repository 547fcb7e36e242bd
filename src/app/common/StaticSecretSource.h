#pragma once

#include "gateway/profile/SecretSource.h"

#include <QHash>

// Secrets held in memory: the demo sandbox's own test credentials. Never real ones.
class StaticSecretSource final : public SecretSource
{
public:
    void set(Secret which, const QString &value) { m_values.insert(int(which), value); }
    std::optional<QString> secret(Secret which) const override;

private:
    QHash<int, QString> m_values;
};
