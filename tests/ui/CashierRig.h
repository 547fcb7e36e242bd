#pragma once

#include "app/common/AppServices.h"
#include "app/gui/terminal/EngineCheckoutBackend.h"
#include "sandbox/SandboxServer.h"
#include "ui/CashierConfig.h"
#include "ui/CheckoutPort.h"
#include "ui/NavigationFilter.h"

#include <QLocale>
#include <QUrl>

#include <memory>

// The cashier's window as the app wires it, for the GUI tests: a demo AppServices (the
// in-process sandbox on 127.0.0.1 in its "manual" scenario, polling 50 times faster) over a
// ledger in a test's folder, and the engine behind a CheckoutPort for the window.
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

// The port the window talks to, and the backend that puts the engine behind it. The window
// goes before these (reset it first).
struct Wiring
{
    std::unique_ptr<CheckoutPort> port;
    std::unique_ptr<EngineCheckoutBackend> backend;
};

inline Wiring wire(AppServices &services)
{
    Wiring wiring;
    wiring.port = std::make_unique<CheckoutPort>();
    wiring.backend = std::make_unique<EngineCheckoutBackend>(services.engine(), services.providers(), *wiring.port);
    wiring.port->setBackend(wiring.backend.get());
    return wiring;
}

} // namespace CashierRig
