#include "ui/NavigationFilter.h"

NavigationFilter::NavigationFilter(QStringList gatewayHosts, QUrl sandboxOrigin)
    : m_hosts(std::move(gatewayHosts)), m_sandbox(std::move(sandboxOrigin))
{
    for (QString &host : m_hosts)
        host = host.trimmed().toLower();
}

QStringList NavigationFilter::defaultGatewayHosts()
{
    return { QStringLiteral("api.juspay.in"), QStringLiteral("sandbox.juspay.in"),
             QStringLiteral("api.pay.cm.com") };
}

bool NavigationFilter::hostAllowed(const QString &host) const
{
    for (const QString &entry : m_hosts) {
        if (entry.isEmpty())
            continue;
        if (entry.startsWith(u'.')) {
            if (host.endsWith(entry) || host == entry.mid(1))
                return true;
        } else if (host == entry) {
            return true;
        }
    }
    return false;
}

NavigationFilter::Verdict NavigationFilter::check(const QUrl &url) const
{
    if (!url.isValid() || url.isRelative())
        return Verdict::BlockedScheme;
    const QString scheme = url.scheme().toLower();
    if (!url.userInfo().isEmpty())
        return Verdict::BlockedHost;
    const QString host = url.host().toLower();

    if (m_sandbox.isValid() && !m_sandbox.isEmpty()) {
        if (scheme == m_sandbox.scheme().toLower() && host == m_sandbox.host().toLower()
            && url.port(scheme == QLatin1String("https") ? 443 : 80)
                    == m_sandbox.port(m_sandbox.scheme() == QLatin1String("https") ? 443 : 80)) {
            return Verdict::Allowed;
        }
    }
    if (scheme != QLatin1String("https"))
        return Verdict::BlockedScheme;
    if (host.isEmpty() || !hostAllowed(host))
        return Verdict::BlockedHost;
    if (url.port(443) != 443)
        return Verdict::BlockedHost;
    return Verdict::Allowed;
}
