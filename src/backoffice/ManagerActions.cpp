#include "backoffice/ManagerActions.h"

#include "backoffice/BackofficeLogging.h"
#include "backoffice/CsvExporter.h"
#include "checkout/CheckoutEngine.h"
#include "checkout/RefundService.h"
#include "storage/Ledger.h"

#include <QMetaObject>
#include <QPointer>

ManagerActions::ManagerActions(Ledger &ledger, CheckoutEngine &engine, RefundService &refunds, AccessControl &access,
                               const Clock &clock, QObject *parent)
    : QObject(parent),
      m_ledger(ledger),
      m_engine(engine),
      m_refunds(refunds),
      m_access(access),
      m_clock(clock),
      m_zone(QTimeZone::systemTimeZone())
{
    // The outcome goes to the audit log before anyone hears of it.
    connect(&m_refunds, &RefundService::refundFinished, this,
            [this](const QString &orderId, const RefundRecord &refund, const QString &message) {
                auditRefundFinished(orderId, refund);
                emit refundFinished(orderId, refund, message);
            });
    connect(&m_refunds, &RefundService::refundFailed, this, [this](const QString &orderId, const GatewayError &error) {
        auditRefundFailed(orderId, error);
        emit refundFailed(orderId, error);
    });
}

QString ManagerActions::refundUnavailableReason(const QString &provider)
{
    // Google Pay Omnichannel (direct, no PSP between) publishes no refund method: its gateway
    // answers every refund "unsupported". Every other provider refunds through its API.
    if (provider == QLatin1String("googlepay")) {
        return tr("Google Pay direct payments are refunded through your PSP or Google's merchant console: "
                  "Google Pay offers CounterPay no refund method for them.");
    }
    return {};
}

void ManagerActions::auditRefundFailed(const QString &orderId, const GatewayError &error)
{
    // Only an answer that says no is a refusal; a lost answer may still have been applied.
    const bool unknown = error.outcomeUnknown || error.isTransport();
    m_access.audit(unknown ? QStringLiteral("refund_unknown") : QStringLiteral("refund_refused"), orderId,
                   unknown ? QStringLiteral("refund outcome unknown: %1").arg(error.message)
                           : QStringLiteral("refund refused: %1").arg(error.message));
}

void ManagerActions::auditRefundFinished(const QString &orderId, const RefundRecord &refund)
{
    const QString amount = QStringLiteral("%1 %2").arg(
            Money::fromMinorUnits(refund.amountMinorUnits, Currency::fromCode(refund.currency).value_or(Currency::inr()))
                    .value()
                    .toDecimalString(),
            refund.currency);
    if (refund.state == QLatin1String("succeeded") || refund.state == QLatin1String("pending")) {
        m_access.audit(QStringLiteral("refund_done"), orderId,
                       QStringLiteral("%1 %2 (%3)").arg(amount, refund.state, refund.uniqueRequestId));
    } else if (refund.state == QLatin1String("failed")) {
        m_access.audit(QStringLiteral("refund_refused"), orderId,
                       QStringLiteral("refund refused: the provider failed refund %1 of %2")
                               .arg(refund.uniqueRequestId, amount));
    } else {
        m_access.audit(QStringLiteral("refund_unknown"), orderId,
                       QStringLiteral("refund outcome unknown: %1 of %2 is %3").arg(refund.uniqueRequestId, amount, refund.state));
    }
}

QDateTime ManagerActions::startOfTodayUtc() const
{
    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    return QDateTime(today, QTime(0, 0), m_zone).toUTC();
}

VoidResult ManagerActions::allowed(AccessControl::Action action, const QString &orderId)
{
    VoidResult result = m_access.authorize(action, orderId);
    if (result)
        m_access.noteActivity();
    return result;
}

VoidResult ManagerActions::checkReach(const QDateTime &since, const QString &orderId)
{
    if (since.isValid() && since >= startOfTodayUtc())
        return ok();
    return allowed(AccessControl::Action::HistoryBeyondToday, orderId);
}

VoidResult ManagerActions::checkOrderReach(const QString &orderId, std::optional<OrderRecord> *found)
{
    const Result<std::optional<OrderRecord>> stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make("not_found", QStringLiteral("There is no order %1.").arg(orderId));
    if (VoidResult reach = checkReach(stored.value()->createdAt, orderId); !reach)
        return reach;
    if (found)
        *found = stored.value();
    return ok();
}

Result<QString> ManagerActions::refund(const QString &orderId, std::optional<Money> amount)
{
    if (VoidResult permitted = allowed(AccessControl::Action::Refund, orderId); !permitted)
        return permitted.error();
    // Nothing is sent (and nothing recorded as a refund) where it could only fail.
    if (const Result<std::optional<OrderRecord>> stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
        stored && stored.value()) {
        const QString why = refundUnavailableReason(stored.value()->provider);
        if (!why.isEmpty()) {
            m_access.audit(QStringLiteral("refund_refused"), orderId, QStringLiteral("refund refused: %1").arg(why));
            return Error::make("refund_unsupported", why);
        }
    }
    // RefundService commits the refund and its audit line before anything is sent.
    return m_refunds.refund(orderId, amount, m_access.actor());
}

VoidResult ManagerActions::resolveUnknown(const QString &orderId, PaymentState outcome, const QString &reason)
{
    if (VoidResult permitted = allowed(AccessControl::Action::ResolveUnknown, orderId); !permitted)
        return permitted;
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return Error::make("reason_required", QStringLiteral("Say why: what the provider or the customer's bank confirmed."));
    const Result<std::optional<OrderRecord>> stored = m_ledger.findOrder(orderId, PhoneAccess::Masked);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make("not_found", QStringLiteral("There is no order %1.").arg(orderId));
    OrderRecord order = *stored.value();
    if (order.state != PaymentState::Unknown) {
        return Error::make("not_unknown", QStringLiteral("Order %1 is %2, not unknown: there is nothing to resolve.")
                                                .arg(orderId, PaymentStates::name(order.state)));
    }
    // A manager settles what the gateway's outcome was: paid or not. Refunds and a new attempt
    // (Unknown -> Refunded / Submitting, which the engine may record after a status query) are
    // not outcomes a person picks here.
    const bool outcomeOfAPayment = outcome == PaymentState::Charged || outcome == PaymentState::Failed
            || outcome == PaymentState::Declined || outcome == PaymentState::Expired
            || outcome == PaymentState::Cancelled || outcome == PaymentState::AwaitingCustomer;
    if (!outcomeOfAPayment || !PaymentStates::isLegalTransition(PaymentState::Unknown, outcome)) {
        return Error::make("bad_outcome", QStringLiteral("An unknown payment cannot become %1.").arg(PaymentStates::name(outcome)));
    }
    const QDateTime now = m_clock.nowUtc();
    order.state = outcome;
    order.updatedAt = now;
    order.note = why;
    const OrderEvent event { 0, orderId, now, QStringLiteral("note"), PaymentState::Unknown, outcome, QString(),
                             QStringLiteral("resolved_by_manager"), why };
    if (VoidResult written = m_ledger.updateOrder(order, PaymentState::Unknown, event); !written) {
        if (written.errorCode() == QLatin1String("conflict")) {
            return Error::make("not_unknown", QStringLiteral("Order %1 changed while you were resolving it; look again.")
                                                    .arg(orderId));
        }
        return written;
    }
    m_access.audit(QStringLiteral("resolve_unknown"), orderId,
                   QStringLiteral("unknown -> %1: %2").arg(PaymentStates::name(outcome), why));
    qCInfo(lcBackoffice).noquote() << "order" << orderId << "resolved by a manager as" << PaymentStates::name(outcome);
    return ok();
}

VoidResult ManagerActions::recheck(const QString &orderId)
{
    m_access.noteActivity();
    return m_engine.checkNow(orderId);
}

Result<qint64> ManagerActions::exportCsv(const OrderFilter &filter, const QString &path)
{
    if (VoidResult permitted = allowed(AccessControl::Action::Export); !permitted)
        return permitted.error();
    const Result<qint64> written = CsvExporter::write(m_ledger, filter, path);
    if (written)
        m_access.audit(QStringLiteral("export"), QString(), QStringLiteral("%1 orders to %2").arg(written.value()).arg(path));
    else
        m_access.audit(QStringLiteral("export_failed"), QString(), QStringLiteral("%1: %2").arg(path, written.errorMessage()));
    return written;
}

VoidResult ManagerActions::changeSetting(Settings &settings, Settings::Key key, const QVariant &value)
{
    if (VoidResult permitted = allowed(AccessControl::Action::Settings); !permitted)
        return permitted;
    const QVariant before = settings.value(key);
    if (VoidResult written = settings.setValue(key, value); !written)
        return written;
    if (settings.value(key) != before) {
        m_access.audit(QStringLiteral("settings_changed"), QString(),
                       QStringLiteral("%1 = %2").arg(Settings::keyName(key), settings.value(key).toString()));
    }
    return ok();
}

void ManagerActions::changeSecret(SecretStore &secrets, const QString &key, const QString &value,
                                  std::function<void(const VoidResult &)> done)
{
    VoidResult permitted = allowed(AccessControl::Action::Settings);
    if (!permitted) {
        QMetaObject::invokeMethod(this, [done, permitted]() { done(permitted); }, Qt::QueuedConnection);
        return;
    }
    QPointer<ManagerActions> guard(this);
    auto finish = [guard, key, removing = value.isEmpty(), done](const VoidResult &result) {
        if (guard && result.ok())
            guard->m_access.audit(QStringLiteral("secret_changed"), QString(), key + (removing ? u" removed" : u" stored"));
        done(result);
    };
    if (value.isEmpty())
        secrets.remove(key, finish);
    else
        secrets.write(key, value, finish);
}

Result<QList<OrderRecord>> ManagerActions::history(const OrderFilter &filter)
{
    if (VoidResult reach = checkReach(filter.since); !reach)
        return reach.error();
    return m_ledger.findOrders(filter);
}

Result<qint64> ManagerActions::countHistory(const OrderFilter &filter)
{
    if (VoidResult reach = checkReach(filter.since); !reach)
        return reach.error();
    return m_ledger.countOrders(filter);
}

Result<std::optional<OrderRecord>> ManagerActions::order(const QString &orderId)
{
    std::optional<OrderRecord> found;
    if (VoidResult reach = checkOrderReach(orderId, &found); !reach)
        return reach.error();
    return found;
}

Result<QList<OrderEvent>> ManagerActions::timeline(const QString &orderId)
{
    if (VoidResult reach = checkOrderReach(orderId); !reach)
        return reach.error();
    return m_ledger.events(orderId);
}

Result<QList<RefundRecord>> ManagerActions::refunds(const QString &orderId)
{
    if (VoidResult reach = checkOrderReach(orderId); !reach)
        return reach.error();
    return m_ledger.refunds(orderId);
}

Result<QList<SalesTotalsRow>> ManagerActions::salesTotals(const OrderFilter &filter)
{
    if (VoidResult reach = checkReach(filter.since); !reach)
        return reach.error();
    return m_ledger.salesTotals(filter);
}

Result<QList<SalesBucket>> ManagerActions::salesBuckets(const QDateTime &since, const QDateTime &until, int bucketSeconds,
                                                        int utcOffsetSeconds)
{
    if (VoidResult reach = checkReach(since); !reach)
        return reach.error();
    return m_ledger.salesBuckets(since, until, bucketSeconds, utcOffsetSeconds);
}

Result<ZReport> ManagerActions::zReport(const QDate &day, const QTimeZone &zone)
{
    if (!day.isValid() || !zone.isValid())
        return Error::make("bad_day", QStringLiteral("Choose a valid day and time zone."));
    if (VoidResult reach = checkReach(QDateTime(day, QTime(0, 0), zone).toUTC()); !reach)
        return reach.error();
    return ZReport::build(m_ledger, day, zone);
}

Result<QList<AuditEntry>> ManagerActions::auditLog(const QDateTime &since, int limit)
{
    if (VoidResult permitted = allowed(AccessControl::Action::ViewAudit); !permitted)
        return permitted.error();
    return m_ledger.auditLog(since, limit);
}
