#include "app/common/StaticSecretSource.h"

std::optional<QString> StaticSecretSource::secret(Secret which) const
{
    const auto found = m_values.constFind(int(which));
    if (found == m_values.constEnd())
        return std::nullopt;
    return *found;
}
