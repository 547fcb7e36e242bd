#pragma once

#include "ui/NavigationFilter.h"

#include <QWebEnginePage>

// A page that asks the NavigationFilter before every navigation (typed, link, form, redirect,
// script) and refuses popups. Refusals are reported so the cashier sees why nothing happened.
class GatewayWebPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayWebPage)

public:
    GatewayWebPage(NavigationFilter filter, QWebEngineProfile *profile, QObject *parent = nullptr);
    ~GatewayWebPage() override;

    const NavigationFilter &filter() const { return m_filter; }

signals:
    void navigationBlocked(const QUrl &url);
    void popupBlocked();

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    NavigationFilter m_filter;
};
