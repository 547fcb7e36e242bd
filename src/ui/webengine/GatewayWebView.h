#pragma once

#include "gateway/PaymentSession.h"
#include "ui/GatewayBrowser.h"
#include "ui/NavigationFilter.h"

#include <QWebEngineView>

class GatewayWebPage;
class QWebEngineProfile;

// The embedded browser for a gateway's authentication page. Private (off-the-record) profile,
// no popups, no downloads, no plugins, and every navigation through the NavigationFilter,
// including the first one. For a POST authentication (Juspay wallets) it submits the
// gateway's form fields itself as an HTTP POST; no generated HTML, no data: URL.
class GatewayWebView final : public QWebEngineView, public GatewayBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayWebView)

public:
    explicit GatewayWebView(const NavigationFilter &filter, QWidget *parent = nullptr);
    ~GatewayWebView() override;

    // False (and navigationBlocked) when the filter refuses the URL; nothing is loaded then.
    QWidget *widget() override { return this; }
    bool open(const QUrl &url) override;
    bool openSession(const PaymentSession &session) override;
    void stopLoading() override { stop(); }
    int blockedCount() const override { return m_blocked; }

    GatewayWebPage *gatewayPage() const { return m_page; }

signals:
    void navigationBlocked(const QUrl &url);
    void downloadBlocked();

private:
    QWebEngineProfile *m_profile;
    GatewayWebPage *m_page;
    int m_blocked = 0;
};
