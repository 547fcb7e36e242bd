#pragma once

#include "storage/Ledger.h"
#include "storage/PhoneVault.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <unordered_map>

struct OrderQuery;

// The ledger in one SQLite file: WAL journal, synchronous=FULL, foreign keys on, a
// schema_version table and migrations in a transaction (LedgerSchema).
//
// open() refuses, without writing a byte, a file that is not SQLite, an SQLite file that
// belongs to another program, a damaged file, and a ledger from a newer CounterPay. Damage
// anywhere in the file is found at open for ledgers up to Options::quickCheckMaxBytes; beyond
// that open() finds a cut-short file or a damaged header or schema, and checkIntegrity()
// (slow: it reads everything) finds the rest on demand.
//
// Reads keep their prepared statements (one per SQL text, a bounded number) and end each one
// before returning, so no read holds a WAL snapshot open between calls.
class SqliteLedger final : public Ledger
{
public:
    static constexpr qint64 kDefaultQuickCheckMaxBytes = 16 * 1024 * 1024;

    struct Options
    {
        // Set false to skip SQLite's quick_check at open altogether (the cheap checks of
        // LedgerInspector always run).
        bool verifyIntegrity = true;
        // quick_check reads every page, so open() runs it only on files up to this size
        // (tens of milliseconds); a bigger ledger is checked in full on demand with
        // checkIntegrity(). -1: always, whatever the size.
        qint64 quickCheckMaxBytes = kDefaultQuickCheckMaxBytes;
    };
    static Result<std::unique_ptr<SqliteLedger>> open(const QString &path, const PhoneVault &vault,
                                                      const Options &options);
    static Result<std::unique_ptr<SqliteLedger>> open(const QString &path, const PhoneVault &vault)
    {
        return open(path, vault, Options());
    }
    ~SqliteLedger() override;
    Q_DISABLE_COPY_MOVE(SqliteLedger)

    QString location() const override { return m_path; }

    VoidResult insertOrder(const OrderRecord &order, const OrderEvent &event) override;
    VoidResult updateOrder(const OrderRecord &order, PaymentState expectedState,
                           const OrderEvent &event) override;
    VoidResult appendEvent(const OrderEvent &event) override;
    Result<std::optional<OrderRecord>> findOrder(const QString &orderId, PhoneAccess access) override;
    Result<QList<OrderRecord>> openOrders() override;
    Result<QList<OrderRecord>> findOrders(const OrderFilter &filter) override;
    Result<qint64> countOrders(const OrderFilter &filter) override;
    Result<QList<OrderEvent>> events(const QString &orderId) override;
    VoidResult insertRefund(const RefundRecord &refund, const OrderEvent &event) override;
    VoidResult updateRefund(const RefundRecord &refund, const OrderEvent &event) override;
    Result<QList<RefundRecord>> refunds(const QString &orderId) override;
    VoidResult appendAudit(const AuditEntry &entry) override;
    Result<QList<AuditEntry>> auditLog(const QDateTime &since, int limit) override;
    Result<QList<SalesTotalsRow>> salesTotals(const OrderFilter &filter) override;
    Result<QList<RefundTotalsRow>> refundTotals(const QDateTime &since, const QDateTime &until) override;
    Result<QList<SalesBucket>> salesBuckets(const QDateTime &since, const QDateTime &until,
                                            int bucketSeconds, int utcOffsetSeconds) override;
    VoidResult checkIntegrity() override;

    // SQLite's own verdict on the file ("ok" when healthy), for tests and diagnostics.
    Result<QString> integrityCheck();

private:
    SqliteLedger(QString path, QString connectionName, PhoneVault vault);

    QSqlDatabase database() const;
    VoidResult insertEvent(const OrderEvent &event);
    template<typename Body>
    VoidResult inTransaction(const char *what, Body body);
    Result<QList<OrderRecord>> readOrders(const OrderQuery &statement, PhoneAccess access, qsizetype expectedRows = 0);
    // Prepares (once), binds and executes a read; the caller reads the rows and finish()es it.
    Result<QSqlQuery *> run(const OrderQuery &statement, const QString &what);
    // The prepared statement for `sql`, kept for reuse; callers finish() it after reading.
    QSqlQuery &prepared(const QString &sql);

    static constexpr std::size_t kMaxPreparedStatements = 48;

    QString m_path;
    QString m_connectionName;
    PhoneVault m_vault;
    std::unordered_map<QString, QSqlQuery> m_statements;
    QSqlQuery m_unprepared;
};
