#include "ui/GatewayBrowser.h"

GatewayBrowser::~GatewayBrowser() = default;

GatewayBrowserFactory::~GatewayBrowserFactory() = default;
