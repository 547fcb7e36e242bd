#pragma once

#include "checkout/PollPolicy.h"
#include "gateway/ProviderRules.h"

#include <QString>

#include <optional>

// How an executable wants CounterPay wired: the headless contract of the gateway issue
// (--config, --db) plus demo mode.
struct AppOptions
{
    QString configPath;          // gateway profile (INI); empty in demo mode
    QString dbPath;              // ledger; empty = AppDataLocation/ledger.sqlite
    QString keyPath;             // device key file; empty = next to the ledger
    bool demo = false;           // in-process sandbox, every provider configured, no secrets needed
    bool ledgerOnly = false;     // open the ledger and nothing else: no profile, gateways or sandbox
    QString demoScenario = QStringLiteral("manual");
    QString terminal = QStringLiteral("T01");
    std::optional<PollPolicy> pollPolicy; // default: PollPolicy's defaults
    int httpTimeoutMs = 15'000;
    qint64 saleCeilingMinor = ProviderRules::kDefaultSaleCeilingMinor; // the largest sale the engine sends
    int upiQrLifetimeMinutes = 5; // juspay-upi-qr: the QR's order life (Settings' QrLifetimeMinutes)
    // When set, create() refuses (before any file is made) a profile that does not configure
    // this provider: the CLI's pay names one.
    QString requiredProvider;
};
