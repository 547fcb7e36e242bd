#pragma once

#include "app/common/AppServices.h"
#include "checkout/CheckoutEngine.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierConfig.h"
#include "ui/NavigationFilter.h"

#include <QLocale>
#include <QUrl>

#include <memory>

// The cashier's window as the app wires it, for the GUI tests: a demo AppServices (the
// in-process sandbox on 127.0.0.1 in its "manual" scenario, polling 50 times faster) over a
// ledger in a test's folder, its engine connected to the window.
namespace CashierRig {

inline AppOptions demoOptions(const QString &ledgerPath)
{
    AppOptions options;
    options.demo = true;
    options.demoScenario = QStringLiteral("manual");
    options.dbPath = ledgerPath;
    options.pollPolicy = PollPolicy().scaled(0.02);
    return options;
}

// What a demo till starts with: every provider the services offer, English (India), no sound
// and no speech (tst_SaleFeedback covers those; a speech engine per window would only slow the
// tests), the sandbox's pages allowed in the embedded browser.
inline CashierConfig demoConfig(const AppServices &services, const QUrl &sandboxUrl)
{
    CashierConfig config;
    config.providers = services.providers();
    config.locale = QLocale(QLocale::English, QLocale::India);
    config.demo = true;
    config.sound = false;
    config.speech = SaleFeedback::SpeechMode::Off;
    config.navigation = NavigationFilter(NavigationFilter::defaultGatewayHosts(), sandboxUrl);
    return config;
}

} // namespace CashierRig
