#pragma once

#include "gateway/PaymentSession.h"
#include "ui/NavigationFilter.h"

#include <QtPlugin>

#include <functional>

class QWidget;

// The embedded browser for a gateway's authentication page, as the cashier's window sees it.
// The implementation (Qt WebEngine) lives in a plugin that is loaded the first time a page is
// shown, so WebEngine's libraries cost nothing at start-up (UiPluginLoader).
class GatewayBrowser
{
public:
    virtual ~GatewayBrowser();

    // The widget to place in a layout; owned by the parent given to the factory.
    virtual QWidget *widget() = 0;
    // False (and the blocked callback) when the NavigationFilter refuses the URL.
    virtual bool open(const QUrl &url) = 0;
    // Opens a payment session's page: a GET of the URL, or the gateway's form fields as a POST.
    virtual bool openSession(const PaymentSession &session) = 0;
    // Stops loading and leaves the current page (a new sale starts).
    virtual void stopLoading() = 0;
    // How many navigations were refused so far.
    virtual int blockedCount() const = 0;
};

class GatewayBrowserFactory
{
public:
    using BlockedCallback = std::function<void(const QUrl &url)>;

    virtual ~GatewayBrowserFactory();

    // A new browser as a child of `parent`; `blocked` runs for every refused navigation.
    virtual GatewayBrowser *createBrowser(const NavigationFilter &filter, QWidget *parent,
                                          BlockedCallback blocked) = 0;
};

#define CounterPayGatewayBrowserFactory_iid "org.counterpay.GatewayBrowserFactory/1.0"
Q_DECLARE_INTERFACE(GatewayBrowserFactory, CounterPayGatewayBrowserFactory_iid)
