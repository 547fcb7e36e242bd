#pragma once

#include "app/common/AppOptions.h"
#include "core/Result.h"

#include <QLocale>
#include <QStringList>
#include <QUrl>
#include <QtPlugin>

#include <functional>
#include <memory>

class CheckoutBackend;
class CheckoutEvents;
class QWidget;

// Everything behind the cashier's window: the keychain, the ledger, the gateways, the checkout
// engine, demo mode's sandbox and the manager's back office. It lives in the counterpay_terminal
// plugin, which the app loads right after its window is on screen, so the window does not wait
// for Qt Network, Qt Sql, OpenSSL, libphonenumber, QtKeychain, Qt Charts or Qt PrintSupport to
// load. Only plain data and abstract interfaces cross this line (see CheckoutBackend.h).
class Terminal
{
public:
    virtual ~Terminal() = default;

    // Reads the gateway secrets from the OS keychain (outside demo mode), then opens the
    // ledger, the gateways, the engine and, in demo mode, the in-process sandbox. Calls
    // `opened` once, with an empty string on success or the reason it failed; the engine's
    // events go to `events` from then on.
    using Opened = std::function<void(const QString &error)>;
    virtual void open(const AppOptions &options, CheckoutEvents &events, Opened opened) = 0;

    // Valid once opened.
    virtual CheckoutBackend &checkout() = 0;
    // Where the demo sandbox listens (the web view may open it); empty outside demo mode.
    virtual QUrl sandboxUrl() const = 0;
    // Watches every unfinished order again (after a crash or a power cut).
    virtual Result<QStringList> resumeOpenOrders() = 0;

    // The manager's side, once opened: F10 opens the back office over `window`; on a first
    // start the first-run wizard asks for the shop's set-up. `restartNeeded` is called when the
    // wizard changed where payments go.
    virtual void setUpBackOffice(const QLocale &locale, QWidget *window,
                                 std::function<void(const QString &why)> restartNeeded) = 0;
    virtual void openBackOffice() = 0;
    virtual void runFirstStartIfNeeded() = 0;
    // "Set up for real payments": the wizard on a till with no manager PIN yet, otherwise the
    // back office (whose settings need the manager).
    virtual void openSetup() = 0;
    // Called each time the back office locks (Lock, the idle lock), once it is set up.
    virtual void whenLocked(std::function<void()> locked) = 0;

    // Demo mode only: the customer approves or declines on the sandbox's page (for the
    // screenshot run). False outside demo mode or for an order the sandbox does not know.
    virtual bool actAsCustomer(const QString &orderId, bool approve) = 0;
};

// The plugin's root object.
class TerminalFactory
{
public:
    virtual ~TerminalFactory() = default;
    virtual std::unique_ptr<Terminal> createTerminal() = 0;
};

#define CounterPayTerminalFactory_iid "org.counterpay.TerminalFactory/1.0"
Q_DECLARE_INTERFACE(TerminalFactory, CounterPayTerminalFactory_iid)
