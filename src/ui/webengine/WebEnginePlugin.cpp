#include "ui/webengine/WebEnginePlugin.h"

#include "ui/webengine/GatewayWebView.h"

WebEnginePlugin::WebEnginePlugin() = default;

WebEnginePlugin::~WebEnginePlugin() = default;

GatewayBrowser *WebEnginePlugin::createBrowser(const NavigationFilter &filter, QWidget *parent,
                                               BlockedCallback blocked)
{
    auto *view = new GatewayWebView(filter, parent);
    if (blocked)
        QObject::connect(view, &GatewayWebView::navigationBlocked, view, std::move(blocked));
    return view;
}
