#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class Ledger;
class QTimer;
class SecretStore;
class Settings;

// Who may do what at this terminal: a cashier (the default) or, after the manager PIN, a
// manager until lock(), an idle lock or a restart.
//
// - The PIN hash lives in the SecretStore under SecretStore::managerPinKey() (ManagerPin).
// - After Settings' LockoutFailures wrong PINs in a row the PIN is refused for LockoutMinutes;
//   IdleLockMinutes without noteActivity() drops back to cashier. Time comes from the Clock.
// - The lockout is derived from audit_log (login_failed / login_ok), so restarting the app does
//   not reset the count.
// - Every login attempt, lock, PIN change and refused manager action is written to audit_log
//   (actor = Settings' Cashier, role, action, order id, detail).
class AccessControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessControl)

public:
    enum class Role { Cashier, Manager };
    Q_ENUM(Role)
    enum class Action { HistoryBeyondToday, Refund, Export, Settings, ResolveUnknown, ViewAudit };
    Q_ENUM(Action)

    using Done = std::function<void(const VoidResult &)>;

    AccessControl(Ledger &ledger, SecretStore &secrets, const Settings &settings, const Clock &clock,
                  QObject *parent = nullptr);
    ~AccessControl() override;

    // Checks `pin` against the stored hash. Manager role on success; errors: wrong_pin,
    // locked_out (the message says until when), no_pin_set, keychain_unavailable,
    // pin_not_digits / pin_too_short / pin_too_long are reported as wrong_pin (they count).
    // `done` runs later, on this object's thread.
    void unlock(const QString &pin, Done done);
    // Back to cashier (the lock button).
    void lock();
    // Manager only while not idle for IdleLockMinutes, even before checkIdle() has run.
    Role role() const;
    // ok for a manager; otherwise "manager_required" with a message naming the action.
    VoidResult require(Action action) const;
    // require() that also writes a refused attempt to audit_log ("denied", the action's name).
    VoidResult authorize(Action action, const QString &orderId = QString());
    // The cashier or manager did something: restarts the idle countdown.
    void noteActivity();
    // Locks if idle for IdleLockMinutes. A timer calls it every few seconds; public for tests.
    void checkIdle();

    // Sets or changes the PIN: allowed while none is set (first run) or as a manager.
    // Errors: manager_required, the ManagerPin::validate codes, keychain_unavailable.
    void setPin(const QString &newPin, Done done);
    // Whether a PIN is stored (the first-run wizard asks).
    void hasPin(std::function<void(const Result<bool> &)> done);

    // How many wrong PINs in a row are still allowed before the next lockout starts (0 while
    // locked out), from the same audit replay as lockedOutUntil().
    int pinTriesLeft() const;
    // Settings' LockoutMinutes: how long a lockout lasts.
    int lockoutMinutes() const;
    // The end of the current lockout (UTC), or an invalid QDateTime when not locked out.
    QDateTime lockedOutUntil() const;
    // Who is at the terminal (Settings' Cashier), for audit lines and refunds.
    QString actor() const;
    // Writes one audit_log line as the current actor and role.
    VoidResult audit(const QString &action, const QString &orderId = QString(), const QString &detail = QString());

    // For tests only: production always hashes with ManagerPin::kDefaultIterations.
    void setPinIterationsForTests(int iterations) { m_pinIterations = iterations; }

    static QString actionName(Action action);  // "refund", "history_beyond_today" ...
    static QString actionWords(Action action); // "give refunds" ...
    static QString roleName(Role role);        // "cashier", "manager"

signals:
    void roleChanged(AccessControl::Role role);
    void lockedOut(const QDateTime &until);

private:
    void setRole(Role role, const QString &why);
    void finishUnlock(const QString &pin, const Result<QString> &stored, const Done &done);
    void applyVerdict(bool match, const Done &done);
    void storePin(const QString &newPin, bool change, const Done &done);
    bool idleExpired() const;

    Ledger &m_ledger;
    SecretStore &m_secrets;
    const Settings &m_settings;
    const Clock &m_clock;
    Role m_role = Role::Cashier;
    qint64 m_lastActivityMs = 0;
    int m_pinIterations;
    QTimer *m_idleTimer;
};
