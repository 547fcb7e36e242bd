#pragma once

#include "backoffice/AccessControl.h"
#include "backoffice/SecretStore.h"
#include "backoffice/Settings.h"
#include "backoffice/ZReport.h"
#include "core/Clock.h"
#include "core/Money.h"
#include "core/Result.h"
#include "gateway/GatewayError.h"
#include "storage/AuditEntry.h"
#include "storage/OrderEvent.h"
#include "storage/OrderFilter.h"
#include "storage/OrderRecord.h"
#include "storage/RefundRecord.h"
#include "storage/SalesTotals.h"

#include <QObject>
#include <QTimeZone>

#include <optional>

class CheckoutEngine;
class Ledger;
class RefundService;

// The only way the back-office UI does manager work or reads the ledger (the UI never holds a
// Ledger). Every method checks AccessControl first; a refused call returns "manager_required"
// and leaves a "denied" line in audit_log. Writes are audited (refunds by RefundService, the
// rest here). "Today" is local midnight in timeZone() (the system zone unless set).
class ManagerActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerActions)

public:
    ManagerActions(Ledger &ledger, CheckoutEngine &engine, RefundService &refunds, AccessControl &access,
                   const Clock &clock, QObject *parent = nullptr);

    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    QTimeZone timeZone() const { return m_zone; }
    // Local midnight today, in UTC: a cashier's reads may not reach before it.
    QDateTime startOfTodayUtc() const;

    // --- writes (manager) ---
    // Refund (all that is left when amount is empty). The outcome arrives as refundFinished /
    // refundFailed. Returns the refund's unique_request_id. RefundService's errors:
    // not_found, not_refundable, exceeds_refundable, refund_pending ...
    // A provider CounterPay cannot refund (refundUnavailableReason) is refused here with
    // "refund_unsupported" and nothing is sent or recorded as a refund. Audit: RefundService
    // writes "refund" when it sends the request; the outcome follows as "refund_refused"
    // ("refund refused: <reason>", the gateway said no), "refund_unknown" (no usable answer)
    // or "refund_done" (the provider took it).
    Result<QString> refund(const QString &orderId, std::optional<Money> amount);
    // Why CounterPay cannot refund this provider's payments, in words (shown beside a disabled
    // Refund button); empty when it can.
    static QString refundUnavailableReason(const QString &provider);
    // Settles an order whose outcome is unknown (a manager checked with the provider or the
    // customer's bank). Only from Unknown; `outcome` must be a legal next state; reason required.
    // Writes the state with a "note" event (the reason) and an audit line. Errors:
    // manager_required, reason_required, not_found, not_unknown (also when another process
    // changed it meanwhile), bad_outcome.
    VoidResult resolveUnknown(const QString &orderId, PaymentState outcome, const QString &reason);
    // Anyone: ask the gateway now (CheckoutEngine::checkNow).
    VoidResult recheck(const QString &orderId);
    // Manager: the filtered view to a CSV file (CsvExporter). Returns the number of orders.
    Result<qint64> exportCsv(const OrderFilter &filter, const QString &path);
    // Manager: one setting, audited as "settings_changed" with the key and the new value
    // (settings hold no secrets). Errors: manager_required, bad_setting_value ...
    VoidResult changeSetting(Settings &settings, Settings::Key key, const QVariant &value);
    // Manager: stores a secret (an empty value removes it) in the keychain; audited as
    // "secret_changed" with the key only, never the value. `done` runs later.
    void changeSecret(SecretStore &secrets, const QString &key, const QString &value,
                      std::function<void(const VoidResult &)> done);

    // --- reads (a cashier may read today; before today needs a manager) ---
    Result<QList<OrderRecord>> history(const OrderFilter &filter);
    Result<qint64> countHistory(const OrderFilter &filter);
    Result<std::optional<OrderRecord>> order(const QString &orderId);
    Result<QList<OrderEvent>> timeline(const QString &orderId);
    Result<QList<RefundRecord>> refunds(const QString &orderId);
    Result<QList<SalesTotalsRow>> salesTotals(const OrderFilter &filter);
    Result<QList<SalesBucket>> salesBuckets(const QDateTime &since, const QDateTime &until, int bucketSeconds,
                                            int utcOffsetSeconds);
    Result<ZReport> zReport(const QDate &day, const QTimeZone &zone);
    // Manager: the audit log, newest first.
    Result<QList<AuditEntry>> auditLog(const QDateTime &since, int limit);

    AccessControl &access() const { return m_access; }

signals:
    void refundFinished(const QString &orderId, const RefundRecord &refund, const QString &message);
    void refundFailed(const QString &orderId, const GatewayError &error);

private:
    void auditRefundFailed(const QString &orderId, const GatewayError &error);
    void auditRefundFinished(const QString &orderId, const RefundRecord &refund);
    // ok when `since` is today or later, or the caller is a manager; audits a refusal.
    VoidResult checkReach(const QDateTime &since, const QString &orderId = QString());
    VoidResult checkOrderReach(const QString &orderId, std::optional<OrderRecord> *found = nullptr);
    VoidResult allowed(AccessControl::Action action, const QString &orderId = QString());

    Ledger &m_ledger;
    CheckoutEngine &m_engine;
    RefundService &m_refunds;
    AccessControl &m_access;
    const Clock &m_clock;
    QTimeZone m_zone;
};
