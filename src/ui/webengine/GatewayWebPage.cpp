#include "ui/webengine/GatewayWebPage.h"

#include "ui/UiLogging.h"

GatewayWebPage::GatewayWebPage(NavigationFilter filter, QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent), m_filter(std::move(filter))
{
}

GatewayWebPage::~GatewayWebPage() = default;

bool GatewayWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (m_filter.allows(url))
        return true;
    // Only scheme and host reach the log: a query string may carry tokens.
    qCWarning(lcUi) << "blocked navigation to" << url.scheme() << url.host() << "type" << int(type)
                    << "main frame" << isMainFrame;
    emit navigationBlocked(url);
    return false;
}

QWebEnginePage *GatewayWebPage::createWindow(WebWindowType type)
{
    qCWarning(lcUi) << "blocked a popup window of type" << int(type);
    emit popupBlocked();
    return nullptr;
}
