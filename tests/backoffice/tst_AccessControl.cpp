// Roles, the manager PIN, lockout (surviving a restart) and the idle lock, on a real SQLite
// ledger's audit_log with a ManualClock (no sleeping).
#include "BackofficeRig.h"
#include "backoffice/ManagerPin.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(AccessControl::Action)

namespace {
const QString kPin = QStringLiteral("2468");
const QString kWrong = QStringLiteral("1111");
}

class tst_AccessControl : public QObject
{
    Q_OBJECT

private slots:
    void firstRunSetsThePin();
    void productionPinCost();
    void unlockAndLock();
    void noPinSet();
    void cashierIsRefusedEveryAction_data();
    void cashierIsRefusedEveryAction();
    void authorizeAuditsRefusals();
    void lockoutAfterFailures();
    void goodPinResetsTheCount();
    void lockoutSurvivesRestart();
    void lockoutFiguresComeFromSettings();
    void idleLock();
    void keychainUnavailable();
    void pinCheckLeavesTheEventLoopRunning();
};

void tst_AccessControl::firstRunSetsThePin()
{
    OfficeRig rig;
    std::optional<Result<bool>> has = awaitCallback<Result<bool>>([&rig](auto done) { rig.access->hasPin(done); });
    QVERIFY(has && has->ok());
    QCOMPARE(has->value(), false);
    QCOMPARE(rig.setPin(QStringLiteral("12")).errorCode(), QStringLiteral("pin_too_short"));
    QVERIFY(rig.setPin(kPin).ok()); // first run: no manager needed
    const QString stored = rig.secrets.peek(SecretStore::managerPinKey());
    QVERIFY(stored.startsWith(QLatin1String("pbkdf2-sha256$")));
    QCOMPARE(ManagerPin::iterationsOf(stored), kTestPinIterations);
    QVERIFY(!stored.contains(kPin));
    has = awaitCallback<Result<bool>>([&rig](auto done) { rig.access->hasPin(done); });
    QCOMPARE(has->value(), true);

    // Once set, a cashier cannot replace it.
    QCOMPARE(rig.setPin(QStringLiteral("9999")).errorCode(), QStringLiteral("manager_required"));
    QCOMPARE(rig.secrets.peek(SecretStore::managerPinKey()), stored);
    QVERIFY(rig.unlock(kPin).ok());
    QVERIFY(rig.setPin(QStringLiteral("13579")).ok());
    rig.access->lock();
    QCOMPARE(rig.unlock(kPin).errorCode(), QStringLiteral("wrong_pin"));
    QVERIFY(rig.unlock(QStringLiteral("13579")).ok());
    QCOMPARE(rig.auditActions(),
             (QStringList { QStringLiteral("pin_set"), QStringLiteral("denied"), QStringLiteral("login_ok"),
                            QStringLiteral("pin_changed"), QStringLiteral("lock"), QStringLiteral("login_failed"),
                            QStringLiteral("login_ok") }));
}

void tst_AccessControl::productionPinCost()
{
    // Without the test override the stored hash carries the production iteration count.
    OfficeRig rig;
    AccessControl production(*rig.ledger, rig.secrets, *rig.settings, rig.clock);
    const std::optional<VoidResult> set
            = awaitCallback<VoidResult>([&production](auto done) { production.setPin(kPin, done); });
    QVERIFY(set && set->ok());
    const int iterations = ManagerPin::iterationsOf(rig.secrets.peek(SecretStore::managerPinKey()));
    QCOMPARE(iterations, ManagerPin::kDefaultIterations);
    QVERIFY(iterations >= 200'000);
}

void tst_AccessControl::unlockAndLock()
{
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    QSignalSpy roles(rig.access.get(), &AccessControl::roleChanged);
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    QCOMPARE(rig.unlock(QStringLiteral("abc")).errorCode(), QStringLiteral("wrong_pin"));
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QCOMPARE(roles.count(), 0);
    QVERIFY(rig.unlock(kPin).ok());
    QCOMPARE(rig.access->role(), AccessControl::Role::Manager);
    QCOMPARE(roles.count(), 1);
    QCOMPARE(roles.last().first().value<AccessControl::Role>(), AccessControl::Role::Manager);
    rig.access->lock();
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QCOMPARE(roles.count(), 2);

    const QList<AuditEntry> entries = rig.ledger->auditLog(QDateTime(), 10).value();
    QCOMPARE(entries.size(), 5); // pin_set, 2 x login_failed, login_ok, lock
    const AuditEntry &login = entries.at(1);
    QCOMPARE(login.action, QStringLiteral("login_ok"));
    QCOMPARE(login.actor, QStringLiteral("asha"));
    QCOMPARE(login.role, QStringLiteral("manager"));
    QCOMPARE(login.at, rig.clock.nowUtc());
    QCOMPARE(entries.at(2).role, QStringLiteral("cashier"));
    QVERIFY(!entries.at(2).detail.contains(kWrong)); // the attempted PIN is never written down
}

void tst_AccessControl::noPinSet()
{
    OfficeRig rig;
    QCOMPARE(rig.unlock(kPin).errorCode(), QStringLiteral("no_pin_set"));
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
}

void tst_AccessControl::cashierIsRefusedEveryAction_data()
{
    QTest::addColumn<AccessControl::Action>("action");
    const QMetaEnum actions = QMetaEnum::fromType<AccessControl::Action>();
    QCOMPARE(actions.keyCount(), 6);
    for (int i = 0; i < actions.keyCount(); ++i)
        QTest::newRow(actions.key(i)) << AccessControl::Action(actions.value(i));
}

void tst_AccessControl::cashierIsRefusedEveryAction()
{
    QFETCH(AccessControl::Action, action);
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    const VoidResult refused = rig.access->require(action);
    QCOMPARE(refused.errorCode(), QStringLiteral("manager_required"));
    QVERIFY2(refused.errorMessage().contains(AccessControl::actionWords(action)), qPrintable(refused.errorMessage()));
    QVERIFY(rig.unlock(kPin).ok());
    QVERIFY(rig.access->require(action).ok());
    rig.access->lock();
    QCOMPARE(rig.access->require(action).errorCode(), QStringLiteral("manager_required"));
}

void tst_AccessControl::authorizeAuditsRefusals()
{
    OfficeRig rig;
    QCOMPARE(rig.access->authorize(AccessControl::Action::Refund, QStringLiteral("T01-42")).errorCode(),
             QStringLiteral("manager_required"));
    const QList<AuditEntry> entries = rig.ledger->auditLog(QDateTime(), 10).value();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().action, QStringLiteral("denied"));
    QCOMPARE(entries.first().detail, QStringLiteral("refund"));
    QCOMPARE(entries.first().orderId, QStringLiteral("T01-42"));
    QCOMPARE(entries.first().role, QStringLiteral("cashier"));
}

void tst_AccessControl::lockoutAfterFailures()
{
    OfficeRig rig; // defaults: 5 failures, 15 minutes
    QVERIFY(rig.setPin(kPin).ok());
    QSignalSpy lockedOut(rig.access.get(), &AccessControl::lockedOut);
    QCOMPARE(rig.access->pinTriesLeft(), 5);
    for (int i = 0; i < 4; ++i) {
        // Each wrong PIN says how many are left before the lockout.
        const VoidResult wrong = rig.unlock(kWrong);
        QCOMPARE(wrong.errorCode(), QStringLiteral("wrong_pin"));
        QCOMPARE(rig.access->pinTriesLeft(), 4 - i);
        const QString expected = i == 3 ? QStringLiteral("Wrong PIN. 1 more wrong PIN and the PIN is refused for 15 minutes.")
                                        : QStringLiteral("Wrong PIN. %1 more wrong PINs and the PIN is refused for 15 minutes.")
                                                  .arg(4 - i);
        QCOMPARE(wrong.errorMessage(), expected);
        rig.clock.advanceMs(10'000);
    }
    QVERIFY(!rig.access->lockedOutUntil().isValid());
    const QDateTime fifth = rig.clock.nowUtc();
    const VoidResult locked = rig.unlock(kWrong);
    QCOMPARE(locked.errorCode(), QStringLiteral("locked_out"));
    QCOMPARE(lockedOut.count(), 1);
    QCOMPARE(lockedOut.first().first().toDateTime(), fifth.addSecs(15 * 60));
    QCOMPARE(rig.access->lockedOutUntil(), fifth.addSecs(15 * 60));
    QCOMPARE(rig.access->pinTriesLeft(), 0);
    const QString until = fifth.addSecs(15 * 60).toLocalTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(locked.errorMessage().contains(until), qPrintable(locked.errorMessage()));

    // The right PIN is refused too while locked out, and that does not extend the lockout.
    rig.clock.advanceMs(14 * 60'000 + 59'000);
    QCOMPARE(rig.unlock(kPin).errorCode(), QStringLiteral("locked_out"));
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QCOMPARE(rig.access->lockedOutUntil(), fifth.addSecs(15 * 60));
    rig.clock.advanceMs(1'000);
    QVERIFY(!rig.access->lockedOutUntil().isValid());
    QCOMPARE(rig.access->pinTriesLeft(), 5); // the lockout consumed the count
    QVERIFY(rig.unlock(kPin).ok());
    QCOMPARE(rig.auditActions().count(QStringLiteral("login_failed")), 5);
    QCOMPARE(rig.auditActions().count(QStringLiteral("login_locked_out")), 1);
}

void tst_AccessControl::goodPinResetsTheCount()
{
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    QVERIFY(rig.unlock(kPin).ok());
    rig.access->lock();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("locked_out")); // the fifth in a row
}

void tst_AccessControl::lockoutSurvivesRestart()
{
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    rig.openLedger(); // the app is killed and started again: a new ledger connection, a new AccessControl
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("locked_out")); // 3 before + 2 after
    const QDateTime until = rig.access->lockedOutUntil();
    QVERIFY(until.isValid());
    rig.openLedger();
    QCOMPARE(rig.access->lockedOutUntil(), until);
    QCOMPARE(rig.unlock(kPin).errorCode(), QStringLiteral("locked_out"));
    rig.clock.setNowUtc(until);
    QVERIFY(rig.unlock(kPin).ok());
}

void tst_AccessControl::lockoutFiguresComeFromSettings()
{
    OfficeRig rig;
    QVERIFY(rig.settings->setValue(Settings::Key::LockoutFailures, 2).ok());
    QVERIFY(rig.settings->setValue(Settings::Key::LockoutMinutes, 1).ok());
    QVERIFY(rig.setPin(kPin).ok());
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("wrong_pin"));
    QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("locked_out"));
    QCOMPARE(rig.access->lockedOutUntil(), rig.clock.nowUtc().addSecs(60));
    rig.clock.advanceMs(60'000);
    QVERIFY(rig.unlock(kPin).ok());
}

void tst_AccessControl::idleLock()
{
    OfficeRig rig;
    QVERIFY(rig.settings->setValue(Settings::Key::IdleLockMinutes, 2).ok());
    QVERIFY(rig.setPin(kPin).ok());
    QVERIFY(rig.unlock(kPin).ok());
    QSignalSpy roles(rig.access.get(), &AccessControl::roleChanged);
    rig.clock.advanceMs(60'000);
    rig.access->noteActivity();
    rig.clock.advanceMs(119'000);
    rig.access->checkIdle();
    QCOMPARE(rig.access->role(), AccessControl::Role::Manager);
    QCOMPARE(roles.count(), 0);
    rig.clock.advanceMs(1'000);
    // Idle for the whole 2 minutes: no longer a manager, even before the timer's next check.
    QCOMPARE(rig.access->role(), AccessControl::Role::Cashier);
    QCOMPARE(rig.access->require(AccessControl::Action::Refund).errorCode(), QStringLiteral("manager_required"));
    rig.access->checkIdle();
    QCOMPARE(roles.count(), 1);
    QCOMPARE(roles.first().first().value<AccessControl::Role>(), AccessControl::Role::Cashier);
    QCOMPARE(rig.auditActions().last(), QStringLiteral("idle_lock"));
    rig.access->checkIdle();
    QCOMPARE(roles.count(), 1);
}

void tst_AccessControl::keychainUnavailable()
{
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    rig.secrets.setAvailable(false);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(rig.unlock(kWrong).errorCode(), QStringLiteral("keychain_unavailable"));
    QVERIFY(!rig.access->lockedOutUntil().isValid()); // not the cashier's fault: no failures counted
    rig.secrets.setAvailable(true);
    QVERIFY(rig.unlock(kPin).ok());
}

void tst_AccessControl::pinCheckLeavesTheEventLoopRunning()
{
    // The PBKDF2 check runs off this thread: an event posted right after unlock() is handled
    // before the answer arrives. (Checked inline, the answer would come first: the keychain's
    // reply is queued before the marker, and the check would run inside it.)
    OfficeRig rig;
    QVERIFY(rig.setPin(kPin).ok());
    QStringList order;
    bool answered = false;
    rig.access->unlock(kPin, [&order, &answered](const VoidResult &result) {
        order << (result.ok() ? QStringLiteral("unlocked") : result.errorCode());
        answered = true;
    });
    QMetaObject::invokeMethod(qApp, [&order] { order << QStringLiteral("marker"); }, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10'000);
    QCOMPARE(order, (QStringList { QStringLiteral("marker"), QStringLiteral("unlocked") }));
    QCOMPARE(rig.access->role(), AccessControl::Role::Manager);
    QCOMPARE(rig.auditActions().last(), QStringLiteral("login_ok"));
}

QTEST_GUILESS_MAIN(tst_AccessControl)
#include "tst_AccessControl.moc"
