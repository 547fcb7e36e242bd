#pragma once

// The real back office over a real SQLite ledger in a temporary folder: Settings in a private
// INI file, the MemorySecretStore (the keychain's sanctioned test double), AccessControl,
// CheckoutEngine, RefundService and ManagerActions, on a ManualClock.
#include "DemoLedger.h"
#include "backoffice/AccessControl.h"
#include "backoffice/ManagerActions.h"
#include "backoffice/MemorySecretStore.h"
#include "backoffice/Settings.h"
#include "checkout/CheckoutEngine.h"
#include "checkout/RefundService.h"
#include "core/ManualClock.h"
#include "storage/SqliteLedger.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

inline const QString kRigPin = QStringLiteral("2468");

struct BackOfficeRig
{
    // `gateways`: what the engine and refunds talk to (none: reads and access checks only).
    explicit BackOfficeRig(const QDateTime &nowUtc = QDateTime(QDate(2026, 11, 18), QTime(9, 30), Qt::UTC),
                           const QList<PaymentGateway *> &gateways = {})
        : clock(nowUtc)
    {
        auto opened = SqliteLedger::open(dir.filePath(QStringLiteral("ledger.sqlite")),
                                         PhoneVault::fromKey(QByteArray(32, 'k')).value());
        if (!opened.ok()) {
            openError = opened.errorMessage();
            return;
        }
        ledger = std::move(opened).value();
        settings = std::make_unique<Settings>(
                std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
        access = std::make_unique<AccessControl>(*ledger, secrets, *settings, clock);
        access->setPinIterationsForTests(2000);
        engine = std::make_unique<CheckoutEngine>(*ledger, gateways, CheckoutEngine::Config(), clock);
        refunds = std::make_unique<RefundService>(*ledger, gateways, clock);
        actions = std::make_unique<ManagerActions>(*ledger, *engine, *refunds, *access, clock);
        actions->setTimeZone(zone);
    }

    bool ready() const { return ledger != nullptr; }

    // Stores the manager PIN (allowed while none is set), waiting for the store's answer.
    bool setPin(const QString &pin = kRigPin)
    {
        bool done = false;
        bool stored = false;
        access->setPin(pin, [&](const VoidResult &result) {
            done = true;
            stored = result.ok();
        });
        return QTest::qWaitFor([&] { return done; }, 5000) && stored;
    }

    bool unlock(const QString &pin = kRigPin)
    {
        bool done = false;
        bool unlocked = false;
        access->unlock(pin, [&](const VoidResult &result) {
            done = true;
            unlocked = result.ok();
        });
        return QTest::qWaitFor([&] { return done; }, 5000) && unlocked;
    }

    int auditCount(const QString &action)
    {
        const Result<QList<AuditEntry>> entries = ledger->auditLog(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), 10000);
        int count = 0;
        if (entries.ok()) {
            for (const AuditEntry &entry : entries.value())
                count += entry.action == action ? 1 : 0;
        }
        return count;
    }

    QTemporaryDir dir;
    ManualClock clock;
    QTimeZone zone = QTimeZone(QByteArrayLiteral("Asia/Kolkata"));
    QString openError;
    std::unique_ptr<SqliteLedger> ledger;
    std::unique_ptr<Settings> settings;
    MemorySecretStore secrets;
    std::unique_ptr<AccessControl> access;
    std::unique_ptr<CheckoutEngine> engine;
    std::unique_ptr<RefundService> refunds;
    std::unique_ptr<ManagerActions> actions;
};
