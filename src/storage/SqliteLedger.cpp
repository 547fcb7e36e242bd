#include "storage/SqliteLedger.h"

#include "storage/LedgerInspector.h"
#include "storage/LedgerPlace.h"
#include "storage/LedgerRows.h"
#include "storage/LedgerSchema.h"
#include "storage/OrderQuery.h"
#include "storage/StorageLogging.h"

#include <QAtomicInteger>
#include <QScopeGuard>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

namespace {

const QString kDriver = QStringLiteral("QSQLITE");

Error sqlError(const char *code, const QString &what, const QSqlError &error)
{
    return Error::make(code, what + u": " + error.text());
}

QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant stateOrNull(const std::optional<PaymentState> &state)
{
    return state ? QVariant(PaymentStates::name(*state)) : QVariant(QMetaType(QMetaType::QString));
}

// Qt binds a null QString as SQL NULL; the ledger's text columns are NOT NULL with '' for
// "nothing", so null strings are bound as empty ones. Null times and states stay NULL.
void bind(QSqlQuery &query, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.addBindValue(QStringLiteral(""));
    else
        query.addBindValue(value);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("counterpay.ledger.%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Result<std::unique_ptr<SqliteLedger>> SqliteLedger::open(const QString &path, const PhoneVault &vault,
                                                         const Options &options)
{
    if (!QSqlDatabase::isDriverAvailable(kDriver)) {
        return Error::make("no_driver", QStringLiteral("Qt's SQLite driver is missing; install the "
                                                     "package libqt6sql6-sqlite."));
    }
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error::make("not_a_file", QStringLiteral("The ledger path '%1' is not a file.").arg(path));
    if (info.exists() && info.size() > 0) {
        const bool scanPages = options.verifyIntegrity
                && (options.quickCheckMaxBytes < 0 || info.size() <= options.quickCheckMaxBytes);
        if (VoidResult inspected = LedgerInspector::inspect(path, scanPages); !inspected)
            return inspected.error();
    }

    const QString name = nextConnectionName();
    std::unique_ptr<SqliteLedger> ledger(new SqliteLedger(path, name, vault));
    QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (std::optional<Error> place = LedgerPlace::problem(path))
            return *place;
        return sqlError("unwritable", QStringLiteral("Cannot open the ledger '%1'").arg(path), db.lastError());
    }

    QSqlQuery query(db);
    for (const char *pragma : { "PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON",
                                "PRAGMA synchronous = FULL" }) {
        if (!query.exec(QString::fromLatin1(pragma))) {
            if (std::optional<Error> place = LedgerPlace::problem(path))
                return *place;
            return sqlError("unwritable", QStringLiteral("Cannot configure the ledger '%1'").arg(path), query.lastError());
        }
    }
    // Switching to WAL needs the file to itself for a moment; another process opening the same
    // new ledger can hold it briefly, so ask again for up to two seconds before giving up.
    bool wal = false;
    for (int attempt = 0; attempt < 40 && !wal; ++attempt) {
        if (attempt > 0)
            QThread::msleep(50);
        wal = query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && query.next()
                && query.value(0).toString() == QLatin1String("wal");
        query.finish();
    }
    if (!wal) {
        if (std::optional<Error> place = LedgerPlace::problem(path))
            return *place;
        return Error::make("unwritable", QStringLiteral("The ledger '%1' cannot use a write-ahead log (is "
                                                      "the folder writable, or another program holding it?).").arg(path));
    }
    if (VoidResult migrated = LedgerSchema::migrate(db); !migrated)
        return migrated.error();
    qCInfo(lcStorage) << "ledger open";
    return ledger;
}

SqliteLedger::SqliteLedger(QString path, QString connectionName, PhoneVault vault)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_vault(std::move(vault))
{
}

SqliteLedger::~SqliteLedger()
{
    m_statements.clear(); // prepared statements go before their connection
    m_unprepared = QSqlQuery();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase SqliteLedger::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery &SqliteLedger::prepared(const QString &sql)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end())
        return found->second;
    // Filters combine into a bounded but large set of texts; keep the recent ones.
    if (m_statements.size() >= kMaxPreparedStatements)
        m_statements.clear();
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        // Not kept: exec() reports the error to the caller, and the next call tries again.
        m_unprepared = std::move(query);
        return m_unprepared;
    }
    return m_statements.emplace(sql, std::move(query)).first->second;
}

template<typename Body>
VoidResult SqliteLedger::inTransaction(const char *what, Body body)
{
    QSqlDatabase db = database();
    QSqlQuery query(db);
    // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError("write_failed", QStringLiteral("Cannot start writing %1").arg(QLatin1String(what)), query.lastError());
    VoidResult result = body(db);
    if (result && query.exec(QStringLiteral("COMMIT")))
        return result;
    const Error error = result ? sqlError("write_failed", QStringLiteral("Cannot commit %1").arg(QLatin1String(what)), query.lastError())
                               : result.error();
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    // A disk that filled up (or went read-only) under a running till: say so, not "cannot commit".
    if (error.code == QLatin1String("write_failed") || error.code == QLatin1String("unwritable")) {
        if (std::optional<Error> place = LedgerPlace::problem(m_path))
            return *place;
    }
    // A duplicate or a lost race is an expected answer (idempotency at work), not a fault.
    if (error.code == QLatin1String("duplicate_order") || error.code == QLatin1String("duplicate_refund")
        || error.code == QLatin1String("conflict"))
        qCInfo(lcStorage).noquote() << "write not applied:" << error.code;
    else
        qCWarning(lcStorage).noquote() << "write rolled back:" << error.code << error.message;
    return error;
}

VoidResult SqliteLedger::insertEvent(const OrderEvent &event)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
            "INSERT INTO order_events (order_id, at, kind, from_state, to_state, provider_status, "
            "outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    bind(query, event.orderId);
    bind(query, toMs(event.at.isValid() ? event.at : QDateTime::currentDateTimeUtc()));
    bind(query, event.kind);
    bind(query, stateOrNull(event.fromState));
    bind(query, stateOrNull(event.toState));
    bind(query, event.providerStatus);
    bind(query, event.outcome);
    bind(query, event.detail);
    if (!query.exec())
        return sqlError("write_failed", QStringLiteral("Cannot record an event for order %1").arg(event.orderId), query.lastError());
    return ok();
}

VoidResult SqliteLedger::insertOrder(const OrderRecord &order, const OrderEvent &event)
{
    QByteArray sealed;
    if (!order.phoneE164.isEmpty()) {
        const Result<QByteArray> sealing = m_vault.seal(order.phoneE164);
        if (!sealing)
            return sealing.error();
        sealed = sealing.value();
    }
    const QString last4 = order.phoneLast4.isEmpty() ? order.phoneE164.right(4) : order.phoneLast4;

    return inTransaction("a new order", [&](QSqlDatabase &db) -> VoidResult {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT 1 FROM orders WHERE order_id = ?"));
        bind(query, order.orderId);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot check order %1").arg(order.orderId), query.lastError());
        if (query.next()) {
            return Error::make("duplicate_order",
                               QStringLiteral("Order %1 is already in the ledger.").arg(order.orderId));
        }
        query.prepare(u"INSERT INTO orders (" + OrderQuery::columnNames()
                      + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const QDateTime created = order.createdAt.isValid() ? order.createdAt : QDateTime::currentDateTimeUtc();
        for (const QVariant &value : QVariantList {
                     order.orderId, order.terminal, order.cashier, order.provider, order.method,
                     order.amount.minorUnits(), order.amount.currency().code(),
                     sealed.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(sealed),
                     last4, PaymentStates::name(order.state), order.providerStatus, order.txnId,
                     order.txnUuid, order.providerReference, order.upiRrn, order.authUrl,
                     toMs(order.expiresAt), order.verified ? 1 : 0, order.refundedMinorUnits,
                     order.note, toMs(created),
                     toMs(order.updatedAt.isValid() ? order.updatedAt : created) })
            bind(query, value);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot record order %1").arg(order.orderId), query.lastError());
        return insertEvent(event);
    });
}

VoidResult SqliteLedger::updateOrder(const OrderRecord &order, PaymentState expectedState,
                                     const OrderEvent &event)
{
    return inTransaction("an order update", [&](QSqlDatabase &db) -> VoidResult {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
                "UPDATE orders SET state = ?, provider = ?, provider_status = ?, txn_id = ?, txn_uuid = ?, "
                "provider_ref = ?, upi_rrn = ?, auth_url = ?, expires_at = ?, verified = ?, "
                "refunded_minor = ?, note = ?, updated_at = ? WHERE order_id = ? AND state = ?"));
        for (const QVariant &value : QVariantList {
                     PaymentStates::name(order.state), order.provider, order.providerStatus, order.txnId,
                     order.txnUuid, order.providerReference, order.upiRrn, order.authUrl,
                     toMs(order.expiresAt), order.verified ? 1 : 0, order.refundedMinorUnits,
                     order.note,
                     toMs(order.updatedAt.isValid() ? order.updatedAt : QDateTime::currentDateTimeUtc()),
                     order.orderId, PaymentStates::name(expectedState) })
            bind(query, value);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot update order %1").arg(order.orderId), query.lastError());
        if (query.numRowsAffected() != 1) {
            return Error::make("conflict",
                               QStringLiteral("Order %1 is not in the ledger as '%2' any more; it "
                                              "was changed elsewhere. Reload it and try again.")
                                       .arg(order.orderId, PaymentStates::name(expectedState)));
        }
        return insertEvent(event);
    });
}

VoidResult SqliteLedger::appendEvent(const OrderEvent &event)
{
    return inTransaction("an event", [&](QSqlDatabase &) { return insertEvent(event); });
}

Result<QSqlQuery *> SqliteLedger::run(const OrderQuery &statement, const QString &what)
{
    QSqlQuery &query = prepared(statement.sql);
    for (const QVariant &value : statement.bindings)
        bind(query, value);
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        query.finish();
        return sqlError("read_failed", what, error);
    }
    return &query;
}

Result<QList<OrderRecord>> SqliteLedger::readOrders(const OrderQuery &statement, PhoneAccess access, qsizetype expectedRows)
{
    const Result<QSqlQuery *> query = run(statement, QStringLiteral("Cannot read orders from the ledger"));
    if (!query)
        return query.error();
    // Ends the statement (and its read transaction) whichever way this function returns.
    const auto finish = qScopeGuard([&query] { query.value()->finish(); });
    return LedgerRows::orders(*query.value(), access, m_vault, expectedRows);
}

Result<std::optional<OrderRecord>> SqliteLedger::findOrder(const QString &orderId, PhoneAccess access)
{
    const OrderQuery statement { u"SELECT " + OrderQuery::orderColumns(access) + u" FROM orders WHERE order_id = ?",
                                 { orderId } };
    const Result<QList<OrderRecord>> found = readOrders(statement, access);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OrderRecord>();
    return std::optional<OrderRecord>(found->first());
}

Result<QList<OrderRecord>> SqliteLedger::openOrders()
{
    QStringList names;
    QVariantList bindings;
    for (PaymentState state : PaymentStates::all()) {
        if (!PaymentStates::isFinal(state)) {
            names.append(QStringLiteral("?"));
            bindings.append(PaymentStates::name(state));
        }
    }
    const OrderQuery statement { u"SELECT " + OrderQuery::orderColumns(PhoneAccess::Masked) + u" FROM orders WHERE state IN ("
                                         + names.join(u',') + u") ORDER BY created_at ASC",
                                 bindings };
    return readOrders(statement, PhoneAccess::Masked);
}

Result<QList<OrderRecord>> SqliteLedger::findOrders(const OrderFilter &filter)
{
    return readOrders(OrderQuery::page(filter, PhoneAccess::Masked), PhoneAccess::Masked, qBound(0, filter.limit, 1000));
}

Result<qint64> SqliteLedger::countOrders(const OrderFilter &filter)
{
    const Result<QSqlQuery *> query = run(OrderQuery::count(filter), QStringLiteral("Cannot count orders"));
    if (!query)
        return query.error();
    const auto finish = qScopeGuard([&query] { query.value()->finish(); });
    if (!query.value()->next())
        return sqlError("read_failed", QStringLiteral("Cannot count orders"), query.value()->lastError());
    return query.value()->value(0).toLongLong();
}

Result<QList<OrderEvent>> SqliteLedger::events(const QString &orderId)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, order_id, at, kind, from_state, to_state, provider_status, "
                                 "outcome, detail FROM order_events WHERE order_id = ? ORDER BY id"));
    bind(query, orderId);
    if (!query.exec())
        return sqlError("read_failed", QStringLiteral("Cannot read the history of order %1").arg(orderId), query.lastError());
    QList<OrderEvent> events;
    while (query.next()) {
        OrderEvent event;
        event.id = query.value(0).toLongLong();
        event.orderId = query.value(1).toString();
        event.at = fromMs(query.value(2));
        event.kind = query.value(3).toString();
        if (!query.value(4).isNull())
            event.fromState = PaymentStates::fromName(query.value(4).toString());
        if (!query.value(5).isNull())
            event.toState = PaymentStates::fromName(query.value(5).toString());
        event.providerStatus = query.value(6).toString();
        event.outcome = query.value(7).toString();
        event.detail = query.value(8).toString();
        events.append(event);
    }
    return events;
}

VoidResult SqliteLedger::insertRefund(const RefundRecord &refund, const OrderEvent &event)
{
    return inTransaction("a refund", [&](QSqlDatabase &db) -> VoidResult {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT 1 FROM refunds WHERE unique_request_id = ?"));
        bind(query, refund.uniqueRequestId);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot check refund %1").arg(refund.uniqueRequestId), query.lastError());
        if (query.next()) {
            return Error::make("duplicate_refund",
                               QStringLiteral("Refund %1 is already in the ledger.").arg(refund.uniqueRequestId));
        }
        query.prepare(QStringLiteral(
                "INSERT INTO refunds (unique_request_id, order_id, amount_minor, currency, state, "
                "provider_refund_id, requested_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QDateTime created = refund.createdAt.isValid() ? refund.createdAt : QDateTime::currentDateTimeUtc();
        for (const QVariant &value : QVariantList { refund.uniqueRequestId, refund.orderId,
                                                    refund.amountMinorUnits, refund.currency,
                                                    refund.state, refund.providerRefundId,
                                                    refund.requestedBy, toMs(created),
                                                    toMs(refund.updatedAt.isValid() ? refund.updatedAt : created) })
            bind(query, value);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot record refund %1").arg(refund.uniqueRequestId), query.lastError());
        return insertEvent(event);
    });
}

VoidResult SqliteLedger::updateRefund(const RefundRecord &refund, const OrderEvent &event)
{
    return inTransaction("a refund update", [&](QSqlDatabase &db) -> VoidResult {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE refunds SET state = ?, provider_refund_id = ?, updated_at = ? "
                                     "WHERE unique_request_id = ?"));
        bind(query, refund.state);
        bind(query, refund.providerRefundId);
        bind(query, toMs(refund.updatedAt.isValid() ? refund.updatedAt : QDateTime::currentDateTimeUtc()));
        bind(query, refund.uniqueRequestId);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot update refund %1").arg(refund.uniqueRequestId), query.lastError());
        if (query.numRowsAffected() != 1)
            return Error::make("not_found", QStringLiteral("Refund %1 is not in the ledger.").arg(refund.uniqueRequestId));
        return insertEvent(event);
    });
}

Result<QList<RefundRecord>> SqliteLedger::refunds(const QString &orderId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT unique_request_id, order_id, amount_minor, currency, state, "
                                 "provider_refund_id, requested_by, created_at, updated_at FROM refunds "
                                 "WHERE order_id = ? ORDER BY created_at"));
    bind(query, orderId);
    if (!query.exec())
        return sqlError("read_failed", QStringLiteral("Cannot read refunds of order %1").arg(orderId), query.lastError());
    QList<RefundRecord> refunds;
    while (query.next()) {
        refunds.append(RefundRecord { query.value(0).toString(), query.value(1).toString(),
                                      query.value(2).toLongLong(), query.value(3).toString(),
                                      query.value(4).toString(), query.value(5).toString(),
                                      query.value(6).toString(), fromMs(query.value(7)),
                                      fromMs(query.value(8)) });
    }
    return refunds;
}

VoidResult SqliteLedger::appendAudit(const AuditEntry &entry)
{
    return inTransaction("an audit entry", [&](QSqlDatabase &db) -> VoidResult {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, role, action, order_id, detail) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"));
        bind(query, toMs(entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()));
        bind(query, entry.actor);
        bind(query, entry.role);
        bind(query, entry.action);
        bind(query, entry.orderId);
        bind(query, entry.detail);
        if (!query.exec())
            return sqlError("write_failed", QStringLiteral("Cannot record the audit entry"), query.lastError());
        return ok();
    });
}

Result<QList<AuditEntry>> SqliteLedger::auditLog(const QDateTime &since, int limit)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, at, actor, role, action, order_id, detail FROM audit_log "
                                 "WHERE at >= ? ORDER BY id DESC LIMIT ?"));
    bind(query, since.isValid() ? since.toMSecsSinceEpoch() : qint64(0));
    bind(query, qMax(0, limit));
    if (!query.exec())
        return sqlError("read_failed", QStringLiteral("Cannot read the audit log"), query.lastError());
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append(AuditEntry { query.value(0).toLongLong(), fromMs(query.value(1)),
                                    query.value(2).toString(), query.value(3).toString(),
                                    query.value(4).toString(), query.value(5).toString(),
                                    query.value(6).toString() });
    }
    return entries;
}

Result<QString> SqliteLedger::integrityCheck()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError("read_failed", QStringLiteral("Cannot check the ledger"), query.lastError());
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(u'\n');
}

VoidResult SqliteLedger::checkIntegrity()
{
    const Result<QString> verdict = integrityCheck();
    if (!verdict)
        return verdict.error();
    if (verdict.value() != QLatin1String("ok")) {
        return Error::make("damaged", QStringLiteral("The ledger '%1' is damaged (SQLite reports: %2).")
                                            .arg(m_path, verdict.value().left(400)));
    }
    return ok();
}

Result<QList<SalesTotalsRow>> SqliteLedger::salesTotals(const OrderFilter &filter)
{
    const Result<QSqlQuery *> query = run(OrderQuery::salesTotals(filter), QStringLiteral("Cannot total the sales"));
    if (!query)
        return query.error();
    const auto finish = qScopeGuard([&query] { query.value()->finish(); });
    return LedgerRows::salesTotals(*query.value());
}

Result<QList<RefundTotalsRow>> SqliteLedger::refundTotals(const QDateTime &since, const QDateTime &until)
{
    const Result<QSqlQuery *> query = run(OrderQuery::refundTotals(since, until), QStringLiteral("Cannot total the refunds"));
    if (!query)
        return query.error();
    const auto finish = qScopeGuard([&query] { query.value()->finish(); });
    return LedgerRows::refundTotals(*query.value());
}

Result<QList<SalesBucket>> SqliteLedger::salesBuckets(const QDateTime &since, const QDateTime &until,
                                                      int bucketSeconds, int utcOffsetSeconds)
{
    if (bucketSeconds <= 0)
        return Error::make("bad_bucket", QStringLiteral("A sales bucket must be at least one second long."));
    const Result<QSqlQuery *> query = run(OrderQuery::salesBuckets(since, until, bucketSeconds, utcOffsetSeconds),
                                          QStringLiteral("Cannot total the sales per period"));
    if (!query)
        return query.error();
    const auto finish = qScopeGuard([&query] { query.value()->finish(); });
    return LedgerRows::salesBuckets(*query.value(), bucketSeconds, utcOffsetSeconds);
}
