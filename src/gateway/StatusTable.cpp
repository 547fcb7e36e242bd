#include "gateway/StatusTable.h"

StatusTable::Mapping StatusTable::map(QStringView rawStatus) const
{
    for (std::size_t i = 0; i < m_count; ++i) {
        const Entry &entry = m_entries[i];
        if (rawStatus == QLatin1String(entry.name))
            return { entry.state, true, entry.paid };
    }
    return {};
}

QStringList StatusTable::names() const
{
    QStringList names;
    names.reserve(qsizetype(m_count));
    for (std::size_t i = 0; i < m_count; ++i)
        names.append(QLatin1String(m_entries[i].name));
    return names;
}
