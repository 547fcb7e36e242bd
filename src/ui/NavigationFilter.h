#pragma once

#include <QStringList>
#include <QUrl>

// Which pages the cashier's embedded browser may open. Pure: no WebEngine, so it is tested
// on its own. Allowed: https on a configured gateway host (an entry starting with "." also
// allows its subdomains), plus, in demo mode, the in-process sandbox's loopback origin
// (scheme, host and port exactly). Everything else is refused: javascript:, file:, data:,
// blob:, other schemes, other hosts, other ports, URLs with credentials.
class NavigationFilter
{
public:
    enum class Verdict { Allowed, BlockedScheme, BlockedHost };

    NavigationFilter() = default;
    NavigationFilter(QStringList gatewayHosts, QUrl sandboxOrigin = {});

    // The hosts the documented production gateways use.
    static QStringList defaultGatewayHosts();

    Verdict check(const QUrl &url) const;
    bool allows(const QUrl &url) const { return check(url) == Verdict::Allowed; }

    const QStringList &gatewayHosts() const { return m_hosts; }
    const QUrl &sandboxOrigin() const { return m_sandbox; }

private:
    bool hostAllowed(const QString &host) const;

    QStringList m_hosts;
    QUrl m_sandbox;
};
