#include "storage/LedgerSchema.h"

#include "storage/StorageLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// Version 1: orders, their append-only events, refunds and the manager audit log. Times are
// milliseconds since the epoch (UTC), amounts integer minor units.
const char *const kVersion1[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "INSERT INTO schema_version (version) VALUES (0)",
    R"(CREATE TABLE orders (
        order_id TEXT PRIMARY KEY,
        terminal TEXT NOT NULL,
        cashier TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT '',
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        phone_sealed BLOB,
        phone_last4 TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        provider_status TEXT NOT NULL DEFAULT '',
        txn_id TEXT NOT NULL DEFAULT '',
        txn_uuid TEXT NOT NULL DEFAULT '',
        provider_ref TEXT NOT NULL DEFAULT '',
        upi_rrn TEXT NOT NULL DEFAULT '',
        auth_url TEXT NOT NULL DEFAULT '',
        expires_at INTEGER,
        verified INTEGER NOT NULL DEFAULT 0,
        refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX orders_by_created ON orders (created_at)",
    "CREATE INDEX orders_by_state ON orders (state, created_at)",
    "CREATE INDEX orders_by_last4 ON orders (phone_last4, created_at)",
    "CREATE INDEX orders_by_provider ON orders (provider, created_at)",
    "CREATE INDEX orders_by_txn ON orders (txn_id)",
    "CREATE INDEX orders_by_ref ON orders (provider_ref)",
    "CREATE INDEX orders_by_rrn ON orders (upi_rrn)",
    R"(CREATE TABLE order_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id TEXT NOT NULL REFERENCES orders (order_id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        provider_status TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX order_events_by_order ON order_events (order_id, id)",
    R"(CREATE TABLE refunds (
        unique_request_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (order_id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        state TEXT NOT NULL,
        provider_refund_id TEXT NOT NULL DEFAULT '',
        requested_by TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX refunds_by_order ON refunds (order_id)",
    R"(CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        order_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX audit_log_by_at ON audit_log (at)",
    // Append-only and never-delete, enforced by the database itself.
    "CREATE TRIGGER order_events_append_only BEFORE UPDATE ON order_events "
    "BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END",
    "CREATE TRIGGER order_events_no_delete BEFORE DELETE ON order_events "
    "BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders "
    "BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END",
    "CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds "
    "BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END",
};

// Version 2: the back office's history and reports. Newest-first paging orders by
// (created_at, order_id), so the date, state, provider and last-4 indexes end in both columns
// and no query has to sort. The date index also carries what the Z report and the charts group
// and sum, and the cashier, so totals and most counts are read from the index alone, never
// from the rows.
// Refunds are totalled by the day they were asked.
const char *const kVersion2[] = {
    "DROP INDEX orders_by_created",
    "CREATE INDEX orders_by_created ON orders (created_at, order_id, provider, method, state, currency, "
    "amount_minor, refunded_minor, cashier)",
    "DROP INDEX orders_by_state",
    "CREATE INDEX orders_by_state ON orders (state, created_at, order_id)",
    "DROP INDEX orders_by_last4",
    "CREATE INDEX orders_by_last4 ON orders (phone_last4, created_at, order_id)",
    "DROP INDEX orders_by_provider",
    "CREATE INDEX orders_by_provider ON orders (provider, created_at, order_id)",
    "CREATE INDEX refunds_by_created ON refunds (created_at)",
};

Error sqlError(const char *code, const QString &what, const QSqlError &error)
{
    return Error::make(code, what + u": " + error.text());
}

VoidResult exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError("migration_failed", QStringLiteral("Could not upgrade the ledger"), query.lastError());
    return ok();
}

} // namespace

Result<int> LedgerSchema::version(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")))
        return sqlError("unreadable", QStringLiteral("Could not read the ledger"), query.lastError());
    if (!query.next() || query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return sqlError("unreadable", QStringLiteral("Could not read the ledger's schema version"), query.lastError());
    return query.value(0).toInt();
}

VoidResult LedgerSchema::migrate(QSqlDatabase &db)
{
    // The version is read inside the write transaction: two processes opening a new ledger at
    // once serialise here, and the second finds the work done.
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError("migration_failed", QStringLiteral("Could not start the upgrade"), begin.lastError());
    auto fail = [&db](const Error &error) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    const Result<int> current = version(db);
    if (!current)
        return fail(current.error());
    if (current.value() > kCurrentVersion) {
        return fail(Error { QStringLiteral("newer_schema"),
                            QStringLiteral("The ledger was written by a newer CounterPay (schema %1; "
                                           "this build knows up to %2). Install the newer version; "
                                           "the file was left untouched.")
                                    .arg(current.value())
                                    .arg(kCurrentVersion) });
    }
    if (current.value() == kCurrentVersion) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return ok();
    }
    if (current.value() < 1) {
        for (const char *statement : kVersion1) {
            if (VoidResult step = exec(db, QString::fromLatin1(statement)); !step)
                return fail(step.error());
        }
        if (VoidResult step = exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)); !step)
            return fail(step.error());
    }
    if (current.value() < 2) {
        for (const char *statement : kVersion2) {
            if (VoidResult step = exec(db, QString::fromLatin1(statement)); !step)
                return fail(step.error());
        }
    }
    // Later versions add `if (current.value() < N) { ... }` blocks here.
    if (VoidResult step = exec(db, QStringLiteral("UPDATE schema_version SET version = %1").arg(kCurrentVersion)); !step)
        return fail(step.error());
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT")))
        return fail(sqlError("migration_failed", QStringLiteral("Could not commit the upgrade"), commit.lastError()));
    qCInfo(lcStorage) << "ledger schema migrated from" << current.value() << "to" << kCurrentVersion;
    return ok();
}
