#pragma once

// What the back-office tests share: a real SQLite ledger in a temporary folder, Settings in an
// INI file there, the in-memory SecretStore and a ManualClock. The PIN is hashed with few
// PBKDF2 iterations to keep tests fast (production uses ManagerPin::kDefaultIterations).
#include "AsyncWait.h"
#include "backoffice/AccessControl.h"
#include "backoffice/MemorySecretStore.h"
#include "backoffice/Settings.h"
#include "core/ManualClock.h"
#include "storage/SqliteLedger.h"

#include <QTemporaryDir>

inline constexpr int kTestPinIterations = 1000;

struct OfficeRig
{
    OfficeRig()
        : clock(QDateTime(QDate(2026, 3, 10), QTime(6, 30), Qt::UTC)) // 12:00 in Kolkata
    {
        ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        settings = std::make_unique<Settings>(
                std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
        settings->setValue(Settings::Key::Cashier, QStringLiteral("asha"));
        openLedger();
    }

    void openLedger()
    {
        access.reset();
        ledger.reset();
        ledger = SqliteLedger::open(ledgerPath, PhoneVault::fromKey(QByteArray(32, 'k')).value()).value();
        access = std::make_unique<AccessControl>(*ledger, secrets, *settings, clock);
        access->setPinIterationsForTests(kTestPinIterations);
    }

    VoidResult setPin(const QString &pin)
    {
        return awaitCallback<VoidResult>([this, pin](auto done) { access->setPin(pin, done); })
                .value_or(VoidResult(Error { QStringLiteral("timeout"), QStringLiteral("setPin did not answer") }));
    }

    VoidResult unlock(const QString &pin)
    {
        return awaitCallback<VoidResult>([this, pin](auto done) { access->unlock(pin, done); })
                .value_or(VoidResult(Error { QStringLiteral("timeout"), QStringLiteral("unlock did not answer") }));
    }

    // Audit actions, oldest first.
    QStringList auditActions()
    {
        QStringList actions;
        const QList<AuditEntry> entries = ledger->auditLog(QDateTime(), 10'000).value();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            actions.append(it->action);
        return actions;
    }

    QTemporaryDir dir;
    QString ledgerPath;
    ManualClock clock;
    MemorySecretStore secrets;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<SqliteLedger> ledger;
    std::unique_ptr<AccessControl> access;
};
