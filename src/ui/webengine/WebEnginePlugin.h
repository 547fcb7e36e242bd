#pragma once

#include "ui/GatewayBrowser.h"

#include <QObject>

// The plugin that gives the cashier's window its embedded browser (GatewayWebView, Qt
// WebEngine). Loaded by UiPluginLoader the first time a gateway page is shown.
class WebEnginePlugin final : public QObject, public GatewayBrowserFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CounterPayGatewayBrowserFactory_iid)
    Q_INTERFACES(GatewayBrowserFactory)
    Q_DISABLE_COPY_MOVE(WebEnginePlugin)

public:
    WebEnginePlugin();
    ~WebEnginePlugin() override;

    GatewayBrowser *createBrowser(const NavigationFilter &filter, QWidget *parent, BlockedCallback blocked) override;
};
