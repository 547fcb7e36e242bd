#include "backoffice/AccessControl.h"

#include "backoffice/BackofficeLogging.h"
#include "backoffice/ManagerPin.h"
#include "backoffice/SecretStore.h"
#include "backoffice/Settings.h"
#include "storage/Ledger.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThreadPool>
#include <QPointer>
#include <QTimer>

namespace {

const QLatin1String kLoginOk("login_ok");
const QLatin1String kLoginFailed("login_failed");
const QLatin1String kLoginLockedOut("login_locked_out");
const QLatin1String kPinSet("pin_set");
const QLatin1String kPinChanged("pin_changed");

// How far back the audit log is read to rebuild the failure count after a restart.
constexpr qint64 kLockoutHorizonMs = 24 * 3600 * 1000;
constexpr int kLockoutScanLimit = 5000;
constexpr int kIdleCheckIntervalMs = 5000;

struct AccessControlLockout
{
    QDateTime until;   // invalid when not locked out
    int consecutive = 0;
};

// Replays the login lines oldest first: N failures in a row start a lockout of M minutes and
// consume the count; a good PIN or a new PIN resets it. Attempts refused during a lockout are
// logged as login_locked_out and do not extend it.
AccessControlLockout replay(const QList<AuditEntry> &newestFirst, int failures, int minutes)
{
    AccessControlLockout state;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        if (it->action == kLoginFailed) {
            if (++state.consecutive >= failures) {
                state.until = it->at.addSecs(qint64(minutes) * 60);
                state.consecutive = 0;
            }
        } else if (it->action == kLoginOk || it->action == kPinSet || it->action == kPinChanged) {
            state.consecutive = 0;
            state.until = QDateTime();
        }
    }
    return state;
}

} // namespace

AccessControl::AccessControl(Ledger &ledger, SecretStore &secrets, const Settings &settings, const Clock &clock,
                             QObject *parent)
    : QObject(parent),
      m_ledger(ledger),
      m_secrets(secrets),
      m_settings(settings),
      m_clock(clock),
      m_pinIterations(ManagerPin::kDefaultIterations),
      m_idleTimer(new QTimer(this))
{
    m_lastActivityMs = m_clock.monotonicMs();
    m_idleTimer->setInterval(kIdleCheckIntervalMs);
    connect(m_idleTimer, &QTimer::timeout, this, &AccessControl::checkIdle);
    m_idleTimer->start();
}

AccessControl::~AccessControl() = default;

QString AccessControl::actionName(Action action)
{
    switch (action) {
    case Action::HistoryBeyondToday: return QStringLiteral("history_beyond_today");
    case Action::Refund: return QStringLiteral("refund");
    case Action::Export: return QStringLiteral("export");
    case Action::Settings: return QStringLiteral("settings");
    case Action::ResolveUnknown: return QStringLiteral("resolve_unknown");
    case Action::ViewAudit: return QStringLiteral("view_audit");
    }
    return QString();
}

QString AccessControl::actionWords(Action action)
{
    // Shown to the cashier (in the GUI's language once a translator is installed).
    const auto words = [](const char *source) { return QCoreApplication::translate("AccessControl", source); };
    switch (action) {
    case Action::HistoryBeyondToday: return words(QT_TRANSLATE_NOOP("AccessControl", "see sales before today"));
    case Action::Refund: return words(QT_TRANSLATE_NOOP("AccessControl", "give refunds"));
    case Action::Export: return words(QT_TRANSLATE_NOOP("AccessControl", "export sales"));
    case Action::Settings: return words(QT_TRANSLATE_NOOP("AccessControl", "change settings"));
    case Action::ResolveUnknown:
        return words(QT_TRANSLATE_NOOP("AccessControl", "settle a payment whose outcome is unknown"));
    case Action::ViewAudit: return words(QT_TRANSLATE_NOOP("AccessControl", "view the audit log"));
    }
    return QString();
}

QString AccessControl::roleName(Role role)
{
    return role == Role::Manager ? QStringLiteral("manager") : QStringLiteral("cashier");
}

bool AccessControl::idleExpired() const
{
    const qint64 idleMs = qint64(m_settings.integer(Settings::Key::IdleLockMinutes)) * 60'000;
    return m_clock.monotonicMs() - m_lastActivityMs >= idleMs;
}

AccessControl::Role AccessControl::role() const
{
    return m_role == Role::Manager && !idleExpired() ? Role::Manager : Role::Cashier;
}

VoidResult AccessControl::require(Action action) const
{
    if (role() == Role::Manager)
        return ok();
    return Error { QStringLiteral("manager_required"),
                   QCoreApplication::translate("AccessControl", "Only a manager can %1. Enter the manager PIN first.")
                           .arg(actionWords(action)) };
}

VoidResult AccessControl::authorize(Action action, const QString &orderId)
{
    VoidResult allowed = require(action);
    if (!allowed)
        audit(QStringLiteral("denied"), orderId, actionName(action));
    return allowed;
}

void AccessControl::noteActivity()
{
    m_lastActivityMs = m_clock.monotonicMs();
}

void AccessControl::checkIdle()
{
    if (m_role == Role::Manager && idleExpired()) {
        audit(QStringLiteral("idle_lock"), QString(),
              QStringLiteral("no activity for %1 minutes").arg(m_settings.integer(Settings::Key::IdleLockMinutes)));
        setRole(Role::Cashier, QStringLiteral("idle"));
    }
}

void AccessControl::lock()
{
    if (m_role == Role::Manager) {
        audit(QStringLiteral("lock"));
        setRole(Role::Cashier, QStringLiteral("locked"));
    }
}

void AccessControl::setRole(Role role, const QString &why)
{
    if (m_role == role)
        return;
    m_role = role;
    qCInfo(lcBackoffice).noquote() << "role" << roleName(role) << why;
    emit roleChanged(role);
}

QString AccessControl::actor() const
{
    return m_settings.string(Settings::Key::Cashier);
}

VoidResult AccessControl::audit(const QString &action, const QString &orderId, const QString &detail)
{
    const AuditEntry entry { 0, m_clock.nowUtc(), actor(), roleName(role()), action,
                             orderId, detail };
    VoidResult written = m_ledger.appendAudit(entry);
    if (!written)
        qCWarning(lcBackoffice).noquote() << "audit entry" << action << "not written:" << written.errorMessage();
    return written;
}

QDateTime AccessControl::lockedOutUntil() const
{
    const QDateTime now = m_clock.nowUtc();
    const Result<QList<AuditEntry>> entries = m_ledger.auditLog(now.addMSecs(-kLockoutHorizonMs), kLockoutScanLimit);
    if (!entries) {
        qCWarning(lcBackoffice).noquote() << "cannot read the audit log for the lockout:" << entries.errorMessage();
        return QDateTime();
    }
    const AccessControlLockout state = replay(entries.value(), m_settings.integer(Settings::Key::LockoutFailures),
                                              m_settings.integer(Settings::Key::LockoutMinutes));
    return state.until.isValid() && state.until > now ? state.until : QDateTime();
}

int AccessControl::lockoutMinutes() const
{
    return m_settings.integer(Settings::Key::LockoutMinutes);
}

int AccessControl::pinTriesLeft() const
{
    const QDateTime now = m_clock.nowUtc();
    const Result<QList<AuditEntry>> entries = m_ledger.auditLog(now.addMSecs(-kLockoutHorizonMs), kLockoutScanLimit);
    const int failures = m_settings.integer(Settings::Key::LockoutFailures);
    if (!entries)
        return failures;
    const AccessControlLockout state = replay(entries.value(), failures, m_settings.integer(Settings::Key::LockoutMinutes));
    if (state.until.isValid() && state.until > now)
        return 0;
    return qMax(0, failures - state.consecutive);
}

void AccessControl::unlock(const QString &pin, Done done)
{
    const QDateTime until = lockedOutUntil();
    if (until.isValid()) {
        audit(kLoginLockedOut, QString(), QStringLiteral("until %1").arg(until.toString(Qt::ISODate)));
        const Error error { QStringLiteral("locked_out"),
                            QStringLiteral("Too many wrong PINs. The PIN is refused until %1.")
                                    .arg(until.toLocalTime().toString(QStringLiteral("HH:mm"))) };
        QMetaObject::invokeMethod(this, [done, error]() { done(error); }, Qt::QueuedConnection);
        return;
    }
    QPointer<AccessControl> guard(this);
    m_secrets.read(SecretStore::managerPinKey(), [guard, pin, done](const Result<QString> &stored) {
        if (guard)
            guard->finishUnlock(pin, stored, done);
    });
}

void AccessControl::finishUnlock(const QString &pin, const Result<QString> &stored, const Done &done)
{
    if (!stored) {
        if (stored.errorCode() == QLatin1String("not_found")) {
            done(Error { QStringLiteral("no_pin_set"),
                         QStringLiteral("No manager PIN is set yet. Set one in the first-run wizard.") });
        } else {
            done(stored.error());
        }
        return;
    }
    // PBKDF2 at 210,000 iterations takes about 100 ms here, more on a slow terminal: it runs on
    // a pool thread so the windows keep painting, and the outcome (audit line, role, lockout)
    // is applied back on this object's thread. The verdict travels through the application
    // object, which outlives this one; the guard drops it if this object is gone by then.
    QPointer<AccessControl> guard(this);
    QThreadPool::globalInstance()->start([guard, pin, encoded = stored.value(), done]() {
        const bool match = ManagerPin::verify(pin, encoded);
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, match, done]() {
                    if (guard)
                        guard->applyVerdict(match, done);
                },
                Qt::QueuedConnection);
    });
}

void AccessControl::applyVerdict(bool match, const Done &done)
{
    if (match) {
        m_lastActivityMs = m_clock.monotonicMs();
        m_role = Role::Manager; // so the audit line says manager
        audit(kLoginOk);
        m_role = Role::Cashier;
        setRole(Role::Manager, QStringLiteral("PIN accepted"));
        done(ok());
        return;
    }
    audit(kLoginFailed);
    const QDateTime until = lockedOutUntil();
    if (until.isValid()) {
        qCWarning(lcBackoffice).noquote() << "manager PIN locked out until" << until.toString(Qt::ISODate);
        emit lockedOut(until);
        done(Error { QStringLiteral("locked_out"),
                     QStringLiteral("Wrong PIN. Too many wrong PINs: the PIN is refused until %1.")
                             .arg(until.toLocalTime().toString(QStringLiteral("HH:mm"))) });
        return;
    }
    const int left = pinTriesLeft();
    done(Error { QStringLiteral("wrong_pin"),
                 QStringLiteral("Wrong PIN. %1 more wrong PIN%2 and the PIN is refused for %3 minutes.")
                         .arg(left)
                         .arg(left == 1 ? QString() : QStringLiteral("s"))
                         .arg(lockoutMinutes()) });
}

void AccessControl::setPin(const QString &newPin, Done done)
{
    if (VoidResult valid = ManagerPin::validate(newPin); !valid) {
        QMetaObject::invokeMethod(this, [done, valid]() { done(valid); }, Qt::QueuedConnection);
        return;
    }
    if (role() == Role::Manager) {
        storePin(newPin, true, done);
        return;
    }
    QPointer<AccessControl> guard(this);
    m_secrets.read(SecretStore::managerPinKey(), [guard, newPin, done](const Result<QString> &stored) {
        if (!guard)
            return;
        if (stored.ok()) {
            guard->audit(QStringLiteral("denied"), QString(), QStringLiteral("pin_change"));
            done(Error { QStringLiteral("manager_required"),
                         QStringLiteral("A manager PIN is already set. Unlock as manager to change it.") });
        } else if (stored.errorCode() == QLatin1String("not_found")) {
            guard->storePin(newPin, false, done);
        } else {
            done(stored.error());
        }
    });
}

void AccessControl::storePin(const QString &newPin, bool change, const Done &done)
{
    const Result<QString> encoded = ManagerPin::hash(newPin, m_pinIterations);
    if (!encoded) {
        QMetaObject::invokeMethod(this, [done, error = encoded.error()]() { done(error); }, Qt::QueuedConnection);
        return;
    }
    QPointer<AccessControl> guard(this);
    m_secrets.write(SecretStore::managerPinKey(), encoded.value(), [guard, change, done](const VoidResult &written) {
        if (guard && written.ok())
            guard->audit(change ? kPinChanged : kPinSet);
        done(written);
    });
}

void AccessControl::hasPin(std::function<void(const Result<bool> &)> done)
{
    m_secrets.read(SecretStore::managerPinKey(), [done](const Result<QString> &stored) {
        if (stored.ok())
            done(true);
        else if (stored.errorCode() == QLatin1String("not_found"))
            done(false);
        else
            done(stored.error());
    });
}
